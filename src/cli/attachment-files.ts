/**
 * Photos the CLI reads — an attachment's `"path"` for `check`, an archive's media for `audit` — are
 * analysed as the extension analyses them: their embedded metadata (names, GPS) and their pixels
 * (text read from them, where their faces are). Relative paths resolve against the working directory.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Attachment, ReadTextLine } from '../policy/types';
import { InputError } from '../shared/input-error';

export type AnalysedFile = Pick<Attachment, 'metadataText' | 'gps' | 'faces'> & { photoText: ReadTextLine[] };

/** `where` names the input for messages ("stdin line 3"). */
export async function analyseAttachmentFile(path: string, where: string): Promise<AnalysedFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(process.cwd(), path));
  } catch (error) {
    throw new InputError(`${where}: the attachment "${path}" cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return analysePhotoBytes(bytes, `${where}: the attachment "${path}"`);
}

/** `what` names the photo for messages ("archive.zip: data/tweets_media/1-a.jpg"). */
export async function analysePhotoBytes(bytes: Uint8Array, what: string): Promise<AnalysedFile> {
  // Loaded only when a photo is given: exifr and the models would slow every other run's start.
  const [{ readMediaMetadata }, { analysePhotoFile }] = await Promise.all([import('../photo/media-metadata'), import('../photo/node-photo-analysers')]);
  const [metadata, pixels] = await Promise.all([
    readMediaMetadata(bytes),
    analysePhotoFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).catch((error: unknown) => {
      throw new InputError(`${what} is not a photo School Post Guard can read, so it cannot be checked (${(error as Error).message})`);
    }),
  ]);
  if (!metadata) throw new InputError(`${what} has metadata (EXIF, XMP, IPTC or PNG text) that cannot be read, so it cannot be checked`);
  return { metadataText: metadata.textFields, gps: metadata.gps, photoText: pixels.text, faces: pixels.faces };
}
