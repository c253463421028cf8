import { describe, expect, it } from 'vitest';
import { createLruCache } from './lru-cache';

describe('createLruCache', () => {
  it('evicts the least recently used entry; get refreshes, has does not', () => {
    const cache = createLruCache<string, number>({ maxEntries: 3 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.get('a')).toBe(1); // order now b, c, a
    expect(cache.has('b')).toBe(true); // still least recent
    cache.set('d', 4);
    expect([cache.has('a'), cache.has('b'), cache.has('c'), cache.has('d')]).toEqual([true, false, true, true]);
    cache.set('c', 30); // re-setting refreshes too: order a, d, c
    cache.set('e', 5);
    expect(cache.has('a')).toBe(false);
    expect(cache.get('c')).toBe(30);
    expect(cache.size).toBe(3);
  });

  it('evicts by total size and skips values larger than the whole cache', () => {
    const cache = createLruCache<string, string>({ maxEntries: 10, sizeOf: (value) => value.length, maxSize: 10 });
    cache.set('a', 'aaaa');
    cache.set('b', 'bbbb');
    cache.set('c', 'cccc'); // 12 > 10: a goes
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([false, true, true]);
    expect(cache.totalSize).toBe(8);

    cache.set('b', 'x'.repeat(11)); // too big: not stored, and the old b is no longer valid
    expect(cache.has('b')).toBe(false);
    expect(cache.get('c')).toBe('cccc');
    expect(cache.totalSize).toBe(4);
  });

  it('deletes and clears', () => {
    const cache = createLruCache<string, string>({ maxEntries: 2, sizeOf: (value) => value.length, maxSize: 100 });
    cache.set('a', 'abc');
    cache.set('b', 'de');
    expect(cache.delete('a')).toBe(true);
    expect(cache.delete('a')).toBe(false);
    expect(cache.totalSize).toBe(2);
    cache.clear();
    expect([cache.size, cache.totalSize, cache.get('b')]).toEqual([0, 0, undefined]);
  });

  it('rejects options that cannot bound the cache', () => {
    expect(() => createLruCache({ maxEntries: 0 })).toThrow(/maxEntries/);
    expect(() => createLruCache<string, string>({ maxEntries: 1, maxSize: 10 })).toThrow(/together/);
    expect(() => createLruCache<string, string>({ maxEntries: 1, sizeOf: () => -1, maxSize: 10 }).set('a', 'a')).toThrow(/sizeOf returned -1/);
  });
});
