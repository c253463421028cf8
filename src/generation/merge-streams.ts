// Runs async streams with at most `limit` at once and yields their items as they arrive, so the
// chunks of several files interleave. Pure control flow, no I/O.
export async function* mergeWithConcurrency<T>(starters: Array<() => AsyncIterable<T>>, limit: number): AsyncGenerator<T> {
  const queue = [...starters];
  const running = new Map<number, { iterator: AsyncIterator<T>; next: Promise<{ id: number; result: IteratorResult<T> }> }>();
  let nextId = 0;
  const startNext = () => {
    const starter = queue.shift();
    if (!starter) return;
    const id = nextId++;
    const iterator = starter()[Symbol.asyncIterator]();
    running.set(id, { iterator, next: iterator.next().then((result) => ({ id, result })) });
  };
  for (let index = 0; index < limit; index++) startNext();
  try {
    while (running.size > 0) {
      const { id, result } = await Promise.race([...running.values()].map((entry) => entry.next));
      const entry = running.get(id)!;
      if (result.done) {
        running.delete(id);
        startNext();
        continue;
      }
      entry.next = entry.iterator.next().then((next) => ({ id, result: next }));
      yield result.value;
    }
  } finally {
    // A consumer that stops early (or a stream that fails) ends every other stream too.
    await Promise.allSettled([...running.values()].map((entry) => entry.iterator.return?.()));
  }
}
