import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../src/shared/base64';

describe('base64', () => {
  it('round-trips every byte value, across the chunk size', () => {
    const bytes = Uint8Array.from({ length: 0x8000 + 3 }, (_value, index) => (index * 31 + 7) & 0xff);
    const text = bytesToBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64ToBytes(text)).toEqual(bytes);
  });

  it('reads unpadded text and the empty string', () => {
    expect([...base64ToBytes('AAEC/w')]).toEqual([0, 1, 2, 255]);
    expect(base64ToBytes('')).toEqual(new Uint8Array(0));
  });
});
