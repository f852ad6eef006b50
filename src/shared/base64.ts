/** Bytes as base64: Chrome's extension messaging is JSON, so files travel this way. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

/**
 * A plain loop: `Uint8Array.from(atob(…), mapper)` iterates the string and calls back per byte,
 * 25 times slower in Chromium (16 MiB: 3.9 s against 0.15 s), and it runs on every photo.
 */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
