// Recognizing the tags of the file-block format (file-block-parser.ts) at the start of a text:
// which of ours it is, its attributes, and whether more input could still make it one. Pure.

/** An opening tag longer than this is not a tag but text that happens to start with `<file`. */
const MAX_TAG_LENGTH = 1024;

type TagName = 'plan' | 'file' | 'edit' | 'delete' | 'summary';

/** What may open a block, plus `</delete>`, which some models write after <delete ...>. */
const TAG_OPENERS: Array<{ opener: string; name: TagName; closing: boolean }> = [
  { opener: '<plan', name: 'plan', closing: false },
  { opener: '<file', name: 'file', closing: false },
  { opener: '<edit', name: 'edit', closing: false },
  { opener: '<delete', name: 'delete', closing: false },
  { opener: '<summary', name: 'summary', closing: false },
  { opener: '</delete', name: 'delete', closing: true },
];

export type Tag = { name: TagName; closing: boolean; attributes: Map<string, string>; selfClosing: boolean; length: number };
export type TagScan = { status: 'tag'; tag: Tag } | { status: 'incomplete' } | { status: 'none' };

const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The index just past the `>` that ends the tag starting at 0, ignoring `>` inside quotes; -1 if not there yet. */
function findTagEnd(text: string, from: number): number {
  let quote: string | null = null;
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return index + 1;
    }
  }
  return -1;
}

function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(ATTRIBUTE)) {
    attributes.set(match[1]!, match[2] ?? match[3] ?? '');
  }
  return attributes;
}

/** Reads the tag at the start of `text` (which starts with `<`), if it is one of ours. */
export function scanTag(text: string, final: boolean): TagScan {
  let incomplete = false;
  for (const { opener, name, closing } of TAG_OPENERS) {
    if (opener.startsWith(text)) {
      // `<fil` or `<file` with nothing after it yet: it may still become a tag.
      incomplete = true;
      continue;
    }
    if (!text.startsWith(opener)) continue;
    const boundary = text[opener.length]!;
    if (!/[\s/>]/.test(boundary)) continue; // `<files>`, `<plans`: not ours
    const end = findTagEnd(text, opener.length);
    if (end === -1) {
      if (text.length > MAX_TAG_LENGTH) return { status: 'none' };
      incomplete = true;
      continue;
    }
    const inner = text.slice(opener.length, end - 1);
    return {
      status: 'tag',
      tag: { name, closing, attributes: parseAttributes(inner), selfClosing: inner.trimEnd().endsWith('/'), length: end },
    };
  }
  return incomplete && !final ? { status: 'incomplete' } : { status: 'none' };
}
