'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { versionFilesText } from '@/shared/version-files-text';
import { buildVersionZip, zipFolderName } from '@/shared/version-zip';
import { useTRPC } from '@/trpc/react';
import type { FileMap } from '@/types/versioning';

function saveBytes(bytes: Uint8Array<ArrayBuffer>, fileName: string) {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has its own reference once started; the URL only has to outlive this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * What a version card's menu and failure buttons do besides navigation: the three calls that make a
 * new version (regenerate, fix, restore) and the two that hand files out (clipboard, ZIP). Files come
 * from the same `versions.files` cache the viewer uses, so a version already shown costs no request.
 * The ZIP also carries the project's saved checks as requests.http.
 */
export function useVersionActions(projectId: string, projectName: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const regenerate = useMutation(trpc.versions.regenerate.mutationOptions());
  const fix = useMutation(trpc.versions.fix.mutationOptions());
  const restore = useMutation(trpc.versions.restore.mutationOptions());

  const loadFiles = useCallback(
    async (versionId: string): Promise<FileMap> => {
      const answer = await queryClient.fetchQuery(trpc.versions.files.queryOptions({ versionId }));
      if (!answer.complete) throw new Error('This version has no saved files.');
      return answer.files;
    },
    [queryClient, trpc],
  );

  const copyFiles = useCallback(
    async (versionId: string): Promise<string> => {
      const files = await loadFiles(versionId);
      await navigator.clipboard.writeText(versionFilesText(files));
      return `Copied ${plural(Object.keys(files).length, 'file')}`;
    },
    [loadFiles],
  );

  /** The project's saved checks as requests.http, asked fresh: a check saved a moment ago belongs in it. */
  const loadRequestsHttp = useCallback(async (): Promise<FileMap> => {
    const exported = await queryClient.fetchQuery({ ...trpc.savedChecks.requestsHttp.queryOptions({ projectId }), staleTime: 0 });
    return exported ? { 'requests.http': exported.text } : {};
  }, [queryClient, trpc, projectId]);

  const downloadZip = useCallback(
    async (versionId: string, versionNumber: number): Promise<string> => {
      const [files, extraFiles] = await Promise.all([loadFiles(versionId), loadRequestsHttp()]);
      const folder = zipFolderName(projectName, versionNumber);
      const zip = buildVersionZip(files, folder, extraFiles);
      saveBytes(zip.bytes as Uint8Array<ArrayBuffer>, `${folder}.zip`);
      const left = zip.skipped.length > 0 ? ` (left out ${zip.skipped.map((entry) => `${entry.path}: ${entry.reason}`).join('; ')})` : '';
      return `Downloaded ${folder}.zip${left}`;
    },
    [loadFiles, loadRequestsHttp, projectName],
  );

  return { regenerate, fix, restore, copyFiles, downloadZip };
}
