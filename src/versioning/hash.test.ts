import { describe, expect, it } from 'vitest';
import { hashContent } from './hash';

describe('hashContent', () => {
  it('is the sha256 hex of the UTF-8 bytes (values from sha256sum)', () => {
    expect(hashContent('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hashContent('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // 'é' is c3 a9 in UTF-8; hashing UTF-16 or Latin-1 bytes would give another value.
    expect(hashContent('é')).toBe('4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c');
  });
});
