/**
 * Bytes of a roster file → text. MIS exports and "Save as CSV" from Excel arrive as UTF-8 (with or
 * without a BOM), UTF-16 ("Unicode text") or the Windows ANSI code page, and nothing in the file
 * says which. Uses TextDecoder (no Buffer, no iconv), so it runs the same in Node, the service
 * worker and a page.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** How many leading bytes the BOM-less UTF-16 guess looks at: enough for a header row and some pupils. */
const UTF16_SAMPLE_BYTES = 4096;

export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeUtf8OrWindows1252(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  const guessed = guessBomlessUtf16(bytes);
  if (guessed) return { text: decode(guessed, bytes), encoding: guessed };
  return decodeUtf8OrWindows1252(bytes);
}

function decodeUtf8OrWindows1252(bytes: Uint8Array): DecodedText {
  try {
    // fatal: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD, which is how we
    // tell an ANSI file (Excel's default "CSV" on Windows) from a UTF-8 one.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Windows-1252 is Latin-1 except for 0x80–0x9F, where it has ’ “ ” – — € and friends (Excel's
 * apostrophe in "O’Brien" is 0x92). Node 20's TextDecoder('windows-1252') decodes those bytes as
 * Latin-1 control characters, so that range is mapped here (the WHATWG index; its five unassigned
 * bytes stay as they are, as in browsers).
 */
const WINDOWS_1252_80_TO_9F = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\x80-\x9f]/g, (control) => WINDOWS_1252_80_TO_9F[control.charCodeAt(0) - 0x80] ?? control);
}

function decode(encoding: TextEncodingName, bytes: Uint8Array): string {
  // ignoreBOM: the BOM, when there was one, has already been cut off; a second one would be content.
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

/**
 * A roster is mostly ASCII, and ASCII in UTF-16 is one NUL byte per character: on the odd bytes for
 * little-endian, on the even bytes for big-endian. UTF-8 and Windows-1252 text has no NUL at all.
 */
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sampleLength = Math.min(bytes.length, UTF16_SAMPLE_BYTES) & ~1;
  if (sampleLength < 4) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < sampleLength; index += 2) {
    if (bytes[index] === 0) evenNuls += 1;
    if (bytes[index + 1] === 0) oddNuls += 1;
  }
  const pairs = sampleLength / 2;
  // Mostly NULs on one side and (almost) none on the other: names with non-Latin letters lower the
  // share of NULs, so the threshold is generous; stray NULs in a single-byte file stay far below it.
  if (oddNuls >= pairs * 0.4 && evenNuls <= pairs * 0.05) return 'utf-16le';
  if (evenNuls >= pairs * 0.4 && oddNuls <= pairs * 0.05) return 'utf-16be';
  return null;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
