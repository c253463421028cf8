// Which files a schema change touches, found by comparing the renders of the base schema and the new
// one. A later version outputs only these, like any model's later version: what the change does not
// touch stays as the base has it, edits included.
import type { FileMap } from '@/types/versioning';

export interface FileChanges {
  /** Whole new contents, in render order. */
  written: Array<{ path: string; content: string; action: 'create' | 'modify' }>;
  deleted: string[];
}

/**
 * Files whose render changed are written, unless the base already holds exactly that content;
 * files the change does not touch are left as the base has them, even if someone edited them.
 * Files only the old render had are deleted, if the base still has them.
 *
 * `sameRenderer` says the base was written by this renderer revision. When it was not, its files
 * may differ from `before` although the change does not touch them, so every file that differs
 * from `after` is written: a project never mixes the files of two renderers.
 */
export function changedFiles(baseFiles: FileMap, before: FileMap, after: FileMap, sameRenderer: boolean): FileChanges {
  const written: FileChanges['written'] = [];
  for (const [path, content] of Object.entries(after)) {
    if ((sameRenderer && before[path] === content) || baseFiles[path] === content) continue;
    written.push({ path, content, action: Object.hasOwn(baseFiles, path) ? 'modify' : 'create' });
  }
  const deleted = Object.keys(before).filter((path) => !Object.hasOwn(after, path) && Object.hasOwn(baseFiles, path));
  return { written, deleted };
}
