// How a file change is marked wherever one is listed (the file tree, the comparison's file list and
// header, a version card's files): one letter, one colour and one word per operation. Pure.
import type { FileOperation } from '@/types/streaming';

export interface ChangeBadge {
  /** The one-letter mark: A, M or D. */
  letter: string;
  /** The text colour. */
  className: string;
  /** The word for screen readers and tooltips. */
  label: string;
}

export const CHANGE_BADGES: Readonly<Record<FileOperation, ChangeBadge>> = {
  created: { letter: 'A', className: 'text-emerald-400', label: 'created' },
  modified: { letter: 'M', className: 'text-amber-400', label: 'modified' },
  deleted: { letter: 'D', className: 'text-red-400', label: 'deleted' },
};
