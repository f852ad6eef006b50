/**
 * Asks the background to read an attached photo's metadata. Only the start of the file is sent:
 * EXIF, XMP and IPTC blocks sit before the image data in JPEG, PNG and HEIC files.
 */
import type { Attachment } from '../policy/types';
import { sendRequest } from '../shared/send-request';

const HEAD_BYTES = 2 * 1024 * 1024;

export async function readAttachmentMetadata(file: File): Promise<Pick<Attachment, 'metadataText' | 'gps'>> {
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  // Chrome's extension messaging is JSON: bytes travel as base64.
  let binary = '';
  for (let i = 0; i < head.length; i += 0x8000) binary += String.fromCharCode(...head.subarray(i, i + 0x8000));
  const { textFields, gps } = await sendRequest({ type: 'read-media-metadata', base64: btoa(binary) });
  return { metadataText: textFields, gps };
}
