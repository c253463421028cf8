import { memo } from 'react';
import type { DiffLine, FileComparison } from '@/versioning/compare';
import { CHANGE_BADGES, type ChangeBadge } from '../ui/change-badge';
import { diffFileAnchor, diffRows } from './diff-view-model';

export const OPERATION_BADGES: Record<FileComparison['operation'], ChangeBadge> = {
  ...CHANGE_BADGES,
  unchanged: { letter: '·', className: 'text-zinc-500', label: 'unchanged' },
};

/** Backgrounds per side: additions green, deletions red, modifications yellow. */
const SIDE_STYLES: Record<DiffLine['kind'], { old: string; new: string }> = {
  context: { old: '', new: '' },
  added: { old: 'bg-zinc-900/60', new: 'bg-emerald-500/15' },
  removed: { old: 'bg-red-500/15', new: 'bg-zinc-900/60' },
  modified: { old: 'bg-amber-500/15', new: 'bg-amber-500/15' },
};

const CHANGE_WORDS: Record<DiffLine['kind'], { old: string; new: string }> = {
  context: { old: '', new: '' },
  added: { old: '', new: 'added: ' },
  removed: { old: 'removed: ', new: '' },
  modified: { old: 'changed from: ', new: 'changed to: ' },
};

const NUMBER_CELL = 'border-r border-zinc-800/80 pr-2 text-right align-top text-zinc-600 select-none';
// Long lines wrap inside their half, so the two sides always stay side by side.
const TEXT_CELL = 'px-2 align-top whitespace-pre-wrap [overflow-wrap:anywhere]';

interface DiffFileSectionProps {
  file: FileComparison;
  fromNumber: number;
  toNumber: number;
  isActive: boolean;
}

/** One changed file, side by side: the older version's lines on the left, the newer's on the right. */
export const DiffFileSection = memo(function DiffFileSection({ file, fromNumber, toNumber, isActive }: DiffFileSectionProps) {
  const badge = OPERATION_BADGES[file.operation];
  const rows = diffRows(file.hunks);
  return (
    <section
      id={diffFileAnchor(file.filePath)}
      data-testid="diff-file"
      data-path={file.filePath}
      data-operation={file.operation}
      aria-label={`${file.filePath}, ${badge.label}`}
      className="border-b border-zinc-800"
    >
      <header
        className={`sticky top-0 z-10 flex items-center gap-2 border-b border-zinc-800 bg-zinc-900/95 px-3 py-1.5 font-mono text-xs backdrop-blur ${
          isActive ? 'text-white' : 'text-zinc-300'
        }`}
      >
        <span className={`font-semibold ${badge.className}`} aria-hidden="true">
          {badge.letter}
        </span>
        <span className="min-w-0 flex-1 truncate">{file.filePath}</span>
        <span className="text-emerald-400">+{file.additions}</span>
        <span className="text-red-400">−{file.deletions}</span>
      </header>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[560px] table-fixed border-collapse font-mono text-[12px] leading-[1.55] text-zinc-300">
          <colgroup>
            <col className="w-11" />
            <col />
            <col className="w-11" />
            <col />
          </colgroup>
          <thead className="sr-only">
            <tr>
              <th scope="col">Line in v{fromNumber}</th>
              <th scope="col">v{fromNumber}</th>
              <th scope="col">Line in v{toNumber}</th>
              <th scope="col">v{toNumber}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              if (row.kind === 'gap') {
                return (
                  <tr key={`gap-${index}`}>
                    <td colSpan={4} className="bg-zinc-900/70 px-3 py-0.5 text-center text-[11px] text-zinc-500">
                      ⋯ {row.hiddenLines} unchanged {row.hiddenLines === 1 ? 'line' : 'lines'}
                    </td>
                  </tr>
                );
              }
              const { line } = row;
              const styles = SIDE_STYLES[line.kind];
              const words = CHANGE_WORDS[line.kind];
              return (
                <tr key={`${line.oldNumber}-${line.newNumber}`} data-kind={line.kind}>
                  <td className={`${NUMBER_CELL} ${styles.old}`}>{line.oldNumber ?? ''}</td>
                  <td className={`${TEXT_CELL} border-r border-zinc-800 ${styles.old}`}>
                    {line.oldText !== null && words.old && <span className="sr-only">{words.old}</span>}
                    {line.oldText}
                  </td>
                  <td className={`${NUMBER_CELL} ${styles.new}`}>{line.newNumber ?? ''}</td>
                  <td className={`${TEXT_CELL} ${styles.new}`}>
                    {line.newText !== null && words.new && <span className="sr-only">{words.new}</span>}
                    {line.newText}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
});
