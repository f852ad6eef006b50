/**
 * Pairing X's previews with the files attached: each preview is bound by its own media URL when it
 * appears; a file goes only when its own preview was removed with X's button (or none is left);
 * when the previews cannot be told apart, no file is bound (and so none loses its findings).
 */
import { describe, expect, it } from 'vitest';
import { pairPreviews, type PreviewedFile } from '../../src/content/preview-pairing';

type File = PreviewedFile & { name: string };
const file = (name: string, source: string | null = null): File => ({ name, source, removed: false, previewsSeen: false });
const names = (files: File[]) => files.map((entry) => `${entry.name}=${entry.source ?? '?'}`);

describe('pairing previews with files', () => {
  it('binds new previews to the files without one, in the order both came', () => {
    const files = [file('a', 'blob:1'), file('b'), file('c')];
    expect(names(pairPreviews(files, ['blob:1', 'blob:2', 'blob:3']))).toEqual(['a=blob:1', 'b=blob:2', 'c=blob:3']);
  });

  it('keeps a file X has not drawn yet, and binds it once X does', () => {
    const files = pairPreviews([file('a')], []);
    expect(names(files)).toEqual(['a=?']);
    expect(names(pairPreviews(files, ['blob:1']))).toEqual(['a=blob:1']);
  });

  it('drops exactly the file whose preview was removed with X’s button, whatever its position', () => {
    const files = [file('a', 'blob:1'), file('b', 'blob:2'), file('c', 'blob:3')];
    (files[0] as File).removed = true;
    expect(names(pairPreviews(files, ['blob:1', 'blob:2', 'blob:3']))).toEqual(['a=blob:1', 'b=blob:2', 'c=blob:3']);
    expect(names(pairPreviews(files, ['blob:2', 'blob:3']))).toEqual(['b=blob:2', 'c=blob:3']);
  });

  it('keeps a file whose preview went without X’s button being pressed (X may draw it anew)', () => {
    expect(names(pairPreviews([file('a', 'blob:1'), file('b', 'blob:2')], ['blob:2', 'blob:9']))).toEqual(['a=blob:1', 'b=blob:2']);
  });

  it('binds none when new previews and files without one are not as many (X refused one, or a GIF came)', () => {
    const refused = pairPreviews([file('a'), file('b'), file('c'), file('d'), file('e')], ['blob:1', 'blob:2', 'blob:3', 'blob:4']);
    expect(names(refused)).toEqual(['a=?', 'b=?', 'c=?', 'd=?', 'e=?']);
    expect(names(pairPreviews([file('a', 'blob:1')], ['blob:1', 'blob:gif']))).toEqual(['a=blob:1']);
    expect(names(pairPreviews([file('a', 'blob:1'), file('b')], ['blob:1', '']))).toEqual(['a=blob:1', 'b=?']);
  });

  it('with no preview left, drops what was shown and what X never drew while others were shown', () => {
    const files = [file('a', 'blob:1'), file('refused'), file('new')];
    pairPreviews(files.slice(0, 2), ['blob:1']);
    expect(names(pairPreviews(files, []))).toEqual(['new=?']);
  });
});
