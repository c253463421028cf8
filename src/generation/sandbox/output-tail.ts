// Keeps only the last `limitBytes` of a process's output, so a step that prints 50 MB costs a few KB.
// The end of a log is where the error is.

export class OutputTail {
  private chunks: Buffer[] = [];
  private keptBytes = 0;
  private totalBytes = 0;

  constructor(private readonly limitBytes: number) {}

  push(chunk: Buffer): void {
    this.totalBytes += chunk.length;
    // Copy a slice that is kept, so it does not pin the (possibly large) buffer it came from.
    const kept = chunk.length > this.limitBytes ? Buffer.from(chunk.subarray(chunk.length - this.limitBytes)) : chunk;
    this.chunks.push(kept);
    this.keptBytes += kept.length;
    while (this.chunks.length > 1 && this.keptBytes - (this.chunks[0]?.length ?? 0) >= this.limitBytes) {
      this.keptBytes -= this.chunks.shift()?.length ?? 0;
    }
  }

  /** How many bytes have been pushed in all; a mark for `textSince`. */
  get bytesSeen(): number {
    return this.totalBytes;
  }

  /** Output pushed after `mark` was taken, as far as it is still kept. */
  textSince(mark: number): string {
    const wanted = Math.min(this.totalBytes - mark, this.limitBytes);
    const joined = Buffer.concat(this.chunks);
    return wanted > 0 ? joined.subarray(Math.max(0, joined.length - wanted)).toString('utf8') : '';
  }

  /**
   * The kept output as text, marked when earlier output was dropped. A cut tail starts at its first
   * whole line: half a line reads badly, and half a secret would slip past the mask that looks for
   * whole values (redact-secrets.ts).
   */
  text(): string {
    const joined = Buffer.concat(this.chunks);
    let kept = joined.subarray(Math.max(0, joined.length - this.limitBytes));
    if (this.totalBytes > kept.length) {
      const lineEnd = kept.indexOf(0x0a);
      if (lineEnd !== -1 && lineEnd < kept.length - 1) kept = kept.subarray(lineEnd + 1);
    }
    const dropped = this.totalBytes - kept.length;
    const tail = kept.toString('utf8');
    return dropped > 0 ? `[… ${dropped} earlier bytes not kept]\n${tail}` : tail;
  }
}
