// Collects what is wrong with a document as short lines a person can act on, capped so a badly broken
// document cannot flood the page.

export const MAX_PROBLEMS = 20;
const MAX_PROBLEM_LENGTH = 300;

export interface ProblemList {
  /** `where` names the place ("paths./books.post.requestBody"); null when the whole document is meant. */
  add(where: string | null, message: string): void;
  /** At most MAX_PROBLEMS lines; the last one counts the rest when there were more. */
  lines(): string[];
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_PROBLEM_LENGTH ? `${flat.slice(0, MAX_PROBLEM_LENGTH - 1)}…` : flat;
}

export function createProblemList(): ProblemList {
  const seen = new Set<string>();
  const kept: string[] = [];
  const dropped: string[] = [];
  return {
    add(where, message) {
      const line = oneLine(where ? `${where}: ${message}` : message);
      if (seen.has(line)) return;
      seen.add(line);
      if (kept.length < MAX_PROBLEMS - 1) kept.push(line);
      else dropped.push(line);
    },
    lines() {
      if (dropped.length <= 1) return [...kept, ...dropped];
      return [...kept, `…and ${dropped.length} more problems.`];
    },
  };
}
