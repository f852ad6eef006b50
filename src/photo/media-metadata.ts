/**
 * Reads what a photo says about itself: the text fields of its EXIF, XMP and IPTC blocks (titles,
 * captions, keywords, people tagged in face regions), a PNG's text chunks, and any GPS position.
 * Runs where photos are analysed (and in the CLI), so exifr never weighs on the content script that
 * loads on every X page.
 */
import exifr from 'exifr';
import { strFromU8, unzlibSync } from 'fflate';
import extractPngChunks from 'png-chunks-extract';

export interface MediaMetadata {
  /** Every human-written text value found, for the name matcher. */
  textFields: string[];
  gps: { latitude: number; longitude: number } | null;
}

/** Technical fields whose text is written by cameras and software, never by people. */
const TECHNICAL_KEYS = new Set([
  'Make', 'Model', 'Software', 'LensModel', 'LensMake', 'HostComputer', 'ColorSpaceData', 'ProfileDescription',
  'ExifVersion', 'FlashpixVersion', 'ComponentsConfiguration', 'InteropIndex', 'CreatorTool', 'format',
  'ModifyDate', 'DateTimeOriginal', 'CreateDate', 'MetadataDate', 'OffsetTime', 'OffsetTimeOriginal', 'OffsetTimeDigitized',
  'GPSLatitudeRef', 'GPSLongitudeRef', 'GPSAltitudeRef', 'GPSDateStamp', 'GPSMapDatum', 'GPSSpeedRef', 'GPSImgDirectionRef',
  'GPSDestBearingRef', 'GPSVersionID', 'InstanceID', 'DocumentID', 'OriginalDocumentID', 'DerivedFrom', 'xmlns',
]);

/** A PNG's first bytes: its text chunks are read here too. */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];
/** The first bytes of the formats exifr reads: JPEG, PNG, TIFF (both byte orders). */
const EXIFR_FORMATS = [[0xff, 0xd8], PNG_SIGNATURE, [0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a]];
/** HEIC and AVIF photos, which exifr reads too: an ISO box file's `ftyp` brand. */
const EXIFR_BRANDS = new Set(['heic', 'heix', 'mif1', 'avif']);

function readByExifr(bytes: Uint8Array): boolean {
  const text = (from: number) => String.fromCharCode(...bytes.subarray(from, from + 4));
  return EXIFR_FORMATS.some((signature) => startsWith(bytes, signature)) || (text(4) === 'ftyp' && EXIFR_BRANDS.has(text(8)));
}

/**
 * What the photo's metadata says, read from the whole file (a PNG may put its text after the
 * pixels); null when the file is of a kind exifr reads (JPEG, PNG, TIFF, HEIC, AVIF) and a block of
 * it could not be read — it may hold a name, so the post is held. Formats exifr does not read (GIF,
 * WebP, video) give nothing.
 */
export async function readMediaMetadata(bytes: Uint8Array): Promise<MediaMetadata | null> {
  if (!readByExifr(bytes)) return { textFields: [], gps: null };
  let parsed: Record<string, unknown> | undefined;
  const textFields: string[] = [];
  try {
    parsed = (await exifr.parse(bytes, {
      tiff: true, exif: true, gps: true, xmp: true, iptc: true, ifd1: false, icc: false,
      userComment: true, mergeOutput: true, sanitize: true, reviveValues: true,
    })) as Record<string, unknown> | undefined;
    if (startsWith(bytes, PNG_SIGNATURE)) textFields.push(...pngTexts(bytes));
  } catch {
    return null;
  }
  // exifr notes a block it could not parse and goes on without it.
  if (Array.isArray(parsed?.errors) && parsed.errors.length > 0) return null;
  collectText(parsed, textFields);
  const latitude = parsed?.latitude;
  const longitude = parsed?.longitude;
  const gps = typeof latitude === 'number' && typeof longitude === 'number' && Number.isFinite(latitude) && Number.isFinite(longitude)
    ? { latitude, longitude }
    : null;
  return { textFields: [...new Set(textFields)], gps };
}

function collectText(value: unknown, out: string[], key = ''): void {
  if (TECHNICAL_KEYS.has(key)) return;
  if (typeof value === 'string') {
    const text = value.replace(/\0+$/, '').trim();
    if (text) out.push(text);
  } else if (value instanceof Uint8Array) {
    // UserComment and the XP* fields arrive as bytes: decode as the standard says (UCS-2 for XP*).
    const text = decodeFieldBytes(key, value);
    if (text) out.push(text);
  } else if (Array.isArray(value)) {
    for (const item of value) collectText(item, out, key);
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [childKey, child] of Object.entries(value)) collectText(child, out, childKey);
  }
}

function decodeFieldBytes(key: string, bytes: Uint8Array): string {
  if (key.startsWith('XP')) return new TextDecoder('utf-16le').decode(bytes).replace(/\0+$/, '').trim();
  // EXIF UserComment: an 8-byte character code, then the text.
  const body = key === 'UserComment' ? bytes.subarray(8) : bytes;
  const unicode = key === 'UserComment' && String.fromCharCode(...bytes.subarray(0, 7)) === 'UNICODE';
  return new TextDecoder(unicode ? 'utf-16be' : 'utf-8').decode(body).replace(/\0+$/, '').trim();
}

/** More text than any caption: a chunk that inflates past it is damaged or made to stall the check. */
const MAX_TEXT_BYTES = 64 * 1024;

/** A compressed text chunk's text; throws (unreadable) past MAX_TEXT_BYTES. */
function inflateText(compressed: Uint8Array): Uint8Array {
  // fflate stops at the end of `out` (one byte more than allowed, to tell a text that fits from one that does not).
  const text = unzlibSync(compressed, { out: new Uint8Array(MAX_TEXT_BYTES + 1) });
  if (text.length > MAX_TEXT_BYTES) throw new Error('a PNG text chunk is larger than any caption');
  return text;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, at) => bytes[at] === byte);
}

/**
 * The texts of a PNG's zTXt chunks and of its iTXt chunks other than XMP, which exifr skips (it
 * reads tEXt, and XMP from iTXt). Throws on a damaged file or chunk.
 */
function pngTexts(bytes: Uint8Array): string[] {
  const texts: string[] = [];
  for (const { name, data } of extractPngChunks(bytes)) {
    const keywordEnd = data.indexOf(0);
    if (name === 'zTXt') {
      // Keyword, NUL, compression method (0: zlib), compressed Latin-1 text.
      texts.push(strFromU8(inflateText(data.subarray(keywordEnd + 2)), true));
    } else if (name === 'iTXt' && strFromU8(data.subarray(0, keywordEnd), true) !== 'XML:com.adobe.xmp') {
      // Keyword, NUL, compression flag, method, language tag, NUL, translated keyword, NUL, UTF-8 text.
      const compressed = data[keywordEnd + 1] === 1;
      const languageEnd = data.indexOf(0, keywordEnd + 3);
      const translatedEnd = data.indexOf(0, languageEnd + 1);
      const body = data.subarray(translatedEnd + 1);
      texts.push(strFromU8(compressed ? inflateText(body) : body));
    }
  }
  return texts.map((text) => text.replace(/\0+$/, '').trim()).filter((text) => text.length > 0);
}
