// Compact text diffs for version_files.content_diff (docs/architecture.md, "Storage"). Lengths count UTF-16 code units.
import fastDiff from 'fast-diff';
import type { DiffOp } from '@/types/versioning';
import { encodeLines, splitLines } from './line-encoding';

/** base[baseStart, baseEnd) becomes target[targetStart, targetEnd); the text between two regions is equal. */
interface ChangedRegion {
  baseStart: number;
  baseEnd: number;
  targetStart: number;
  targetEnd: number;
}

type Run = [op: -1 | 0 | 1, length: number];

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

// fast-diff has no time limit and its cost grows with (length × edits): a rewritten 20 KB file takes
// seconds character by character. Lines are diffed first, and only changed blocks of lines up to this
// size (both sides together) are refined character by character; larger ones become delete + insert.
const CHAR_DIFF_LIMIT = 8_000;

// The same bound for the line pass: (lines × lines that exist on one side only) estimates its work. Above it
// (thousands of rewritten lines, ~100 ms and growing) the text is one replaced region, which the caller
// then stores as full content anyway.
const LINE_DIFF_BUDGET = 10_000_000;

export function makeDiff(base: string, target: string): DiffOp[] {
  // Trimming first keeps a small edit inside one huge line (minified JSON) a character-level edit.
  const prefix = backOffHighSurrogate(base, commonPrefixLength(base, target));
  const suffix = commonSuffixLength(base, target, prefix);
  const lineRegions = lineLevelRegions(
    base.slice(prefix, base.length - suffix),
    target.slice(prefix, target.length - suffix),
    prefix,
  );
  const regions = lineRegions.flatMap((region) => refineByCharacters(base, target, region));
  return toOps(base, target, alignToCodePoints(base, regions));
}

/** Rebuilds the target; throws when the ops were not made for this base. */
export function applyDiff(base: string, ops: readonly DiffOp[]): string {
  const parts: string[] = [];
  let position = 0;
  for (const [index, op] of ops.entries()) {
    // content_diff comes back from jsonb: check the shape rather than trust the type.
    const [kind, value]: unknown[] = Array.isArray(op) ? op : [];
    if (kind === 1 && typeof value === 'string') {
      parts.push(value);
      continue;
    }
    if ((kind !== 0 && kind !== -1) || typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw new Error(`applyDiff: op ${index} is not [0, n], [-1, n] or [1, "text"]: ${JSON.stringify(op)}`);
    }
    const end = position + value;
    if (end > base.length) {
      throw new Error(`applyDiff: op ${index} ${kind === 0 ? 'keeps' : 'deletes'} up to ${end}, past the end of the base (${base.length})`);
    }
    if (kind === 0) parts.push(base.slice(position, end));
    position = end;
  }
  if (position !== base.length) {
    throw new Error(`applyDiff: ops cover ${position} of ${base.length} base characters`);
  }
  return parts.join('');
}

/** What the diff costs in content_diff (JSON text length), compared with full_content's length. */
export function diffSize(ops: readonly DiffOp[]): number {
  return JSON.stringify(ops).length;
}

function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let length = 0;
  while (length < max && a.charCodeAt(length) === b.charCodeAt(length)) length++;
  return length;
}

/** Never overlaps the prefix, so the middles are well defined. */
function commonSuffixLength(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let length = 0;
  while (length < max && a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length)) length++;
  return length > 0 && isLowSurrogate(a.charCodeAt(a.length - length)) ? length - 1 : length;
}

/** A prefix ending inside a surrogate pair would leave each middle starting with a lone half. */
function backOffHighSurrogate(text: string, prefix: number): number {
  return prefix > 0 && isHighSurrogate(text.charCodeAt(prefix - 1)) ? prefix - 1 : prefix;
}

function lineLevelRegions(baseMiddle: string, targetMiddle: string, offset: number): ChangedRegion[] {
  const oldLines = splitLines(baseMiddle);
  const newLines = splitLines(targetMiddle);
  const encoded = encodeLines(oldLines, newLines);
  if (encoded === null || estimatedLineDiffWork(encoded.oldCodes, encoded.newCodes) > LINE_DIFF_BUDGET) {
    return [{ baseStart: offset, baseEnd: offset + baseMiddle.length, targetStart: offset, targetEnd: offset + targetMiddle.length }];
  }
  let oldIndex = 0;
  let newIndex = 0;
  const takeLines = (lines: string[], from: number, count: number): number => {
    let length = 0;
    for (let i = from; i < from + count; i++) length += lines[i]!.length;
    return length;
  };
  const runs = fastDiff(encoded.oldCodes, encoded.newCodes).map(([op, codes]): Run => {
    const lines = op === 1 ? newLines : oldLines;
    const length = takeLines(lines, op === 1 ? newIndex : oldIndex, codes.length);
    if (op !== 1) oldIndex += codes.length;
    if (op !== -1) newIndex += codes.length;
    return [op, length];
  });
  return regionsFromRuns(runs, offset, offset);
}

function estimatedLineDiffWork(oldCodes: string, newCodes: string): number {
  const oldSet = new Set(oldCodes);
  const newSet = new Set(newCodes);
  let oneSided = 0;
  for (const code of oldCodes) if (!newSet.has(code)) oneSided++;
  for (const code of newCodes) if (!oldSet.has(code)) oneSided++;
  return (oldCodes.length + newCodes.length) * oneSided;
}

// fast-diff 1.3.0 recurses without end on some texts with lone surrogates, e.g. ("\ude00\n", "\ude00\ude00\na").
// Real files are well formed; anything else is stored as a plain replacement.
const LONE_SURROGATE = /\p{Cs}/u;

function refineByCharacters(base: string, target: string, region: ChangedRegion): ChangedRegion[] {
  const oldText = base.slice(region.baseStart, region.baseEnd);
  const newText = target.slice(region.targetStart, region.targetEnd);
  if (oldText === '' || newText === '' || oldText.length + newText.length > CHAR_DIFF_LIMIT) return [region];
  if (LONE_SURROGATE.test(oldText) || LONE_SURROGATE.test(newText)) return [region];
  const runs = fastDiff(oldText, newText, undefined, true).map(([op, text]): Run => [op, text.length]);
  return regionsFromRuns(runs, region.baseStart, region.targetStart);
}

function regionsFromRuns(runs: Run[], baseOffset: number, targetOffset: number): ChangedRegion[] {
  const regions: ChangedRegion[] = [];
  let basePosition = baseOffset;
  let targetPosition = targetOffset;
  let open: ChangedRegion | null = null;
  for (const [op, length] of runs) {
    if (length === 0) continue;
    if (op === 0) {
      if (open) regions.push(open);
      open = null;
      basePosition += length;
      targetPosition += length;
      continue;
    }
    open ??= { baseStart: basePosition, baseEnd: basePosition, targetStart: targetPosition, targetEnd: targetPosition };
    if (op === -1) {
      basePosition += length;
      open.baseEnd = basePosition;
    } else {
      targetPosition += length;
      open.targetEnd = targetPosition;
    }
  }
  if (open) regions.push(open);
  return regions;
}

/**
 * Moves region edges off the middle of surrogate pairs, which fast-diff 1.3.0's semantic cleanup produces,
 * e.g. for " 👍🏽👍🏽中😀" → "👍 🏽😀👍🏽a中😀". A split pair would apply exactly, but the inserted text would hold a
 * lone surrogate, which Postgres rejects in jsonb. The text between regions is the same in base and target, so
 * widening a region by one equal unit on both sides keeps it consistent.
 */
function alignToCodePoints(base: string, regions: ChangedRegion[]): ChangedRegion[] {
  const aligned: ChangedRegion[] = [];
  for (const region of regions) {
    const widened = { ...region };
    if (widened.baseStart > 0 && isHighSurrogate(base.charCodeAt(widened.baseStart - 1))) {
      widened.baseStart--;
      widened.targetStart--;
    }
    if (widened.baseEnd < base.length && isLowSurrogate(base.charCodeAt(widened.baseEnd))) {
      widened.baseEnd++;
      widened.targetEnd++;
    }
    const previous = aligned.at(-1);
    if (previous && widened.baseStart <= previous.baseEnd) {
      previous.baseEnd = widened.baseEnd;
      previous.targetEnd = widened.targetEnd;
    } else {
      aligned.push(widened);
    }
  }
  return aligned;
}

function toOps(base: string, target: string, regions: ChangedRegion[]): DiffOp[] {
  const ops: DiffOp[] = [];
  let basePosition = 0;
  for (const region of regions) {
    if (region.baseStart > basePosition) ops.push([0, region.baseStart - basePosition]);
    if (region.baseEnd > region.baseStart) ops.push([-1, region.baseEnd - region.baseStart]);
    if (region.targetEnd > region.targetStart) ops.push([1, target.slice(region.targetStart, region.targetEnd)]);
    basePosition = region.baseEnd;
  }
  if (base.length > basePosition) ops.push([0, base.length - basePosition]);
  return ops;
}
