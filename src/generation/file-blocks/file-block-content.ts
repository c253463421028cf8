// Block content as the file-block parser (file-block-parser.ts) streams it: how much of a chunk must
// wait in case it starts the closing tag or splits a character, and how large the content is. Pure.

export const FILE_CLOSE = '</file>';

/** UTF-8 size, counted per UTF-16 unit so that it adds up the same however the text was split. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdfff) bytes += 2; // half of a 4-byte character
    else bytes += 3;
  }
  return bytes;
}

/** Line breaks in a text: how many lines a chunk of a file moves the next chunk down. */
export function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** How many characters at the end of `text` must wait: a possible start of `closeTag`, or half a character. */
export function heldBackLength(text: string, closeTag: string = FILE_CLOSE): number {
  let keep = 0;
  for (let length = Math.min(closeTag.length - 1, text.length); length > 0; length--) {
    if (text.endsWith(closeTag.slice(0, length))) {
      keep = length;
      break;
    }
  }
  const lastReleased = text.length - keep - 1;
  if (lastReleased >= 0 && isHighSurrogate(text.charCodeAt(lastReleased))) keep += 1;
  return keep;
}
