import { describe, expect, it } from 'vitest';
import { responseHeadersFor } from './response-headers';

describe('responseHeadersFor', () => {
  it('keeps long-poll answers out of compression', () => {
    expect(responseHeadersFor(['stream.since'])).toEqual({ 'cache-control': 'no-store, no-transform' });
    expect(responseHeadersFor(['stream.since', 'stream.since'])).toEqual({ 'cache-control': 'no-store, no-transform' });
  });

  it('leaves every other answer, and a batch that mixes one in, as it was', () => {
    expect(responseHeadersFor(['versions.files'])).toEqual({});
    expect(responseHeadersFor(['stream.since', 'versions.list'])).toEqual({});
    expect(responseHeadersFor([])).toEqual({});
    expect(responseHeadersFor(undefined)).toEqual({});
  });
});
