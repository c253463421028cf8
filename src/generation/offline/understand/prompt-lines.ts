// Bullet and numbered lists, as people write them in a prompt, turned into the one-line lists the
// clause readers follow. A line ending in ":" with bullets under it becomes one line, "Resources:
// users, posts, comments" or "Books: title, isbn"; any other bullet becomes a line of its own, its
// marker dropped. Pure text handling.

/** "- users", "* users", "• users", "1. users", "2) users": the indent and the text after the marker. */
const BULLET = /^(\s*)(?:[-*•+]|\d{1,2}[.)])\s+(.*)$/;

interface Line {
  indent: number;
  bullet: boolean;
  text: string;
}

function readLine(raw: string): Line {
  const bullet = BULLET.exec(raw);
  if (bullet) return { indent: bullet[1]!.length, bullet: true, text: bullet[2]!.trim() };
  return { indent: raw.length - raw.trimStart().length, bullet: false, text: raw.trim() };
}

/** The bullets right under a header line: deeper than a bulleted header, any bullets under a plain one. */
function childrenOf(lines: readonly Line[], headerAt: number): Line[] {
  const header = lines[headerAt]!;
  const children: Line[] = [];
  for (let at = headerAt + 1; at < lines.length; at++) {
    const line = lines[at]!;
    if (line.text === '' && children.length === 0) continue;
    if (!line.bullet || (header.bullet && line.indent <= header.indent)) break;
    children.push(line);
  }
  return children;
}

/** The lines of a prompt with each list of bullets under a header joined onto it, and bullet markers dropped. */
export function joinBulletLists(prompt: string): string {
  const lines = prompt.split(/\r?\n/).map(readLine);
  const out: string[] = [];
  for (let at = 0; at < lines.length; at++) {
    const line = lines[at]!;
    const children = line.text.endsWith(':') ? childrenOf(lines, at) : [];
    // A header whose bullets are headers themselves ("Books:" under "Resources:") keeps its lines.
    if (children.length === 0 || children.some((child) => child.text.endsWith(':'))) {
      out.push(line.text);
      continue;
    }
    out.push(`${line.text} ${children.map((child) => child.text.replace(/[,;.]+$/, '')).join(', ')}`);
    at = lines.indexOf(children.at(-1)!);
  }
  return out.join('\n');
}
