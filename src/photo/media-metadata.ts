/**
 * Reads what a photo says about itself: the text fields of its EXIF, XMP and IPTC blocks (titles,
 * captions, keywords, people tagged in face regions) and any GPS position. Runs where photos are
 * analysed (and in the CLI), so exifr never weighs on the content script that loads on every X page.
 */
import exifr from 'exifr';

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

export async function readMediaMetadata(bytes: Uint8Array): Promise<MediaMetadata> {
  let parsed: Record<string, unknown> | undefined;
  try {
    parsed = (await exifr.parse(bytes, {
      tiff: true, exif: true, gps: true, xmp: true, iptc: true, ifd1: false, icc: false,
      userComment: true, mergeOutput: true, sanitize: true, reviveValues: true,
    })) as Record<string, unknown> | undefined;
  } catch {
    // Not an image exifr understands (a video, a damaged file): nothing to read.
    return { textFields: [], gps: null };
  }
  if (!parsed) return { textFields: [], gps: null };
  const textFields: string[] = [];
  collectText(parsed, textFields);
  const latitude = parsed.latitude;
  const longitude = parsed.longitude;
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
