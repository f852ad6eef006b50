/**
 * A photo whose check was given up (its time limit passed while the models loaded) is read by
 * neither analyser: the requester has already held the post, and the next photo's turn must not
 * share the machine with this one's face search.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { PhotoDesk } from '../../src/photo/photo-desk';

const analysers = vi.hoisted(() => ({
  read: vi.fn(async () => []),
  find: vi.fn(async () => []),
  text: null as Promise<unknown> | null,
  faces: null as Promise<unknown> | null,
}));
vi.mock('../../src/photo/browser-photo-analysers', () => ({
  browserPhotoAnalysers: () => ({ text: analysers.text, faces: analysers.faces, makeCanvas: () => ({}) }),
  makeCanvas: (width: number, height: number) => ({ width, height, getContext: () => ({ drawImage() {}, fillRect() {}, fillText() {} }), convertToBlob: async () => new Blob([]) }),
}));
vi.mock('../../src/photo/decode-photo', () => ({ decodePhoto: async () => ({ width: 100, height: 100 }) }));

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

it('reads nothing, text or faces, once the check was given up while the models loaded', async () => {
  const loaded = <T>(analyser: T) => new Promise<T>((resolve) => setTimeout(() => resolve(analyser), 20_000));
  analysers.text = loaded({ read: analysers.read });
  analysers.faces = loaded({ find: analysers.find });
  const answer = new PhotoDesk().analyse(new Uint8Array([1]), 'image/jpeg', 10_000);
  answer.catch(() => undefined);
  await vi.advanceTimersByTimeAsync(30_000);
  await expect(answer).rejects.toThrow(/longer than its limit/);
  expect(analysers.read).not.toHaveBeenCalled();
  expect(analysers.find).not.toHaveBeenCalled();
});
