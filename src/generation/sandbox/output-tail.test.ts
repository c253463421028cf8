import { describe, expect, it } from 'vitest';
import { OutputTail } from './output-tail';

describe('OutputTail', () => {
  it('keeps everything while under the limit', () => {
    const tail = new OutputTail(16);
    tail.push(Buffer.from('hello '));
    tail.push(Buffer.from('world'));
    expect(tail.text()).toBe('hello world');
  });

  it('keeps only the last bytes and says how many were dropped', () => {
    const tail = new OutputTail(8);
    for (let i = 0; i < 1000; i++) tail.push(Buffer.from('0123456789'));
    tail.push(Buffer.from('THE END'));
    expect(tail.text()).toBe('[… 9999 earlier bytes not kept]\n9THE END');
  });

  it('keeps the end of a single chunk larger than the limit', () => {
    const tail = new OutputTail(4);
    tail.push(Buffer.from('abcdefgh'));
    expect(tail.text()).toBe('[… 4 earlier bytes not kept]\nefgh');
  });

  it('starts a cut tail at its first whole line, so no half line (or half a secret) is shown', () => {
    const tail = new OutputTail(16);
    tail.push(Buffer.from('secret-value-123\nline two\nend\n'));
    expect(tail.text()).toBe('[… 17 earlier bytes not kept]\nline two\nend\n');
  });

  it('returns what came after a mark', () => {
    const tail = new OutputTail(64);
    tail.push(Buffer.from('before\n'));
    const mark = tail.bytesSeen;
    tail.push(Buffer.from('after\n'));
    expect(tail.textSince(mark)).toBe('after\n');
    expect(tail.textSince(tail.bytesSeen)).toBe('');
  });
});
