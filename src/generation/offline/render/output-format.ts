// Writes the blocks of the output format every model answers in, exactly as file-block-parser.ts reads them.
import type { PlanAction } from '../../file-blocks/file-block-plan-entries';

/** Text may not contain what would open or close a tag. */
function withoutTags(text: string): string {
  return text.replace(/[<>]/g, '');
}

/** Nor may an attribute value end its quotes. */
function attributeValue(text: string): string {
  return withoutTags(text).replace(/"/g, "'");
}

export function planBlock(title: string, entries: Array<{ path: string; action: PlanAction }>): string {
  return `<plan title="${attributeValue(title)}">${entries.map((entry) => `${entry.path} ${entry.action}`).join('; ')}</plan>\n`;
}

/** The newline after the opening tag is dropped by the parser; the content keeps its own final newline. */
export function fileBlock(path: string, content: string): string {
  return `<file path="${path}">\n${content}</file>\n`;
}

export function deleteBlock(path: string): string {
  return `<delete path="${path}"/>\n`;
}

export function summaryBlock(text: string): string {
  return `<summary>${withoutTags(text)}</summary>\n`;
}
