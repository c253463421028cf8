// All files of a version as one text for the clipboard: `--- path ---` then the content, per file. Pure.
import type { FileMap } from '@/types/versioning';

export function versionFilesText(files: FileMap): string {
  return Object.keys(files)
    .sort()
    .map((path) => {
      const content = files[path]!;
      return `--- ${path} ---\n${content.endsWith('\n') || content === '' ? content : `${content}\n`}`;
    })
    .join('\n');
}
