// The workspace's three layouts (mobile, tablet, desktop) and the mobile chat sheet's drag rules. Pure; the widths match Tailwind's
// `md` (48rem) and `xl` (80rem) breakpoints, which the workspace's classes use.
export type LayoutMode = 'mobile' | 'tablet' | 'desktop';

export const TABLET_MIN_WIDTH_PX = 768;
export const DESKTOP_MIN_WIDTH_PX = 1280;

export function layoutModeForWidth(widthPx: number): LayoutMode {
  if (widthPx >= DESKTOP_MIN_WIDTH_PX) return 'desktop';
  return widthPx >= TABLET_MIN_WIDTH_PX ? 'tablet' : 'mobile';
}

/** A fling faster than this (px/s) decides by its direction alone. */
const FLING_PX_PER_S = 500;
/** Otherwise the sheet closes once dragged down past this share of its height. */
const CLOSE_AT_SHARE = 0.3;

/**
 * Where an open sheet settles after a drag of its handle: `offsetPx` down from open (negative: up),
 * `velocityPxPerS` positive downwards.
 */
export function sheetStaysOpen(offsetPx: number, velocityPxPerS: number, heightPx: number): boolean {
  if (Math.abs(velocityPxPerS) >= FLING_PX_PER_S) return velocityPxPerS < 0;
  return offsetPx < heightPx * CLOSE_AT_SHARE;
}
