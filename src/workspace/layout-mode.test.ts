import { describe, expect, it } from 'vitest';
import { layoutModeForWidth, sheetStaysOpen } from './layout-mode';

describe('layoutModeForWidth', () => {
  it('puts tablets from 768 px up to 1280 px', () => {
    expect(layoutModeForWidth(390)).toBe('mobile');
    expect(layoutModeForWidth(767)).toBe('mobile');
    expect(layoutModeForWidth(768)).toBe('tablet');
    expect(layoutModeForWidth(1024)).toBe('tablet');
    expect(layoutModeForWidth(1280)).toBe('desktop');
  });
});

describe('sheetStaysOpen', () => {
  it('follows a fling by its direction, and a slow drag by how far it went', () => {
    expect(sheetStaysOpen(20, 900, 700)).toBe(false);
    expect(sheetStaysOpen(400, -900, 700)).toBe(true);
    expect(sheetStaysOpen(150, 100, 700)).toBe(true);
    expect(sheetStaysOpen(250, 100, 700)).toBe(false);
  });
});
