// Least-recently-used cache, e.g. for reconstructed files keyed by version id.

export interface LruCacheOptions<V> {
  maxEntries: number;
  /** Bound the cache by a size (e.g. characters) as well as by count; give both or neither. */
  sizeOf?: (value: V) => number;
  maxSize?: number;
}

export interface LruCache<K, V> {
  /** Marks the entry as most recently used. */
  get(key: K): V | undefined;
  /** Does not change the recency order. */
  has(key: K): boolean;
  /** A value larger than maxSize on its own is not stored; an older value for the key is dropped. */
  set(key: K, value: V): void;
  delete(key: K): boolean;
  clear(): void;
  readonly size: number;
  readonly totalSize: number;
}

export function createLruCache<K, V>({ maxEntries, sizeOf, maxSize }: LruCacheOptions<V>): LruCache<K, V> {
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new Error('createLruCache: maxEntries must be a positive integer');
  if ((sizeOf === undefined) !== (maxSize === undefined)) throw new Error('createLruCache: give sizeOf and maxSize together');
  if (maxSize !== undefined && !(maxSize >= 0)) throw new Error('createLruCache: maxSize must be a non-negative number');

  // A Map iterates in insertion order, so re-inserting on use keeps the least recent entry first.
  const entries = new Map<K, { value: V; size: number }>();
  let totalSize = 0;

  const remove = (key: K): boolean => {
    const entry = entries.get(key);
    if (!entry) return false;
    entries.delete(key);
    totalSize -= entry.size;
    return true;
  };

  const measure = (value: V): number => {
    const size = sizeOf ? sizeOf(value) : 0;
    if (!Number.isFinite(size) || size < 0) throw new Error(`createLruCache: sizeOf returned ${size}`);
    return size;
  };

  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    has: (key) => entries.has(key),
    set(key, value) {
      const size = measure(value);
      remove(key);
      if (maxSize !== undefined && size > maxSize) return;
      entries.set(key, { value, size });
      totalSize += size;
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries && (maxSize === undefined || totalSize <= maxSize)) break;
        remove(oldest);
      }
    },
    delete: remove,
    clear() {
      entries.clear();
      totalSize = 0;
    },
    get size() {
      return entries.size;
    },
    get totalSize() {
      return totalSize;
    },
  };
}
