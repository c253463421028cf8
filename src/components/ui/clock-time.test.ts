import { describe, expect, it } from 'vitest';
import { clockTime } from './clock-time';

describe('clockTime', () => {
  it('gives the time for today and the date before', () => {
    const now = new Date(2026, 10, 24, 15, 0);
    expect(clockTime(new Date(2026, 10, 24, 9, 5), now)).toBe('09:05');
    expect(clockTime(new Date(2026, 10, 23, 9, 5), now)).toBe('Nov 23, 09:05');
  });
});
