/** Encoders for the test files Excel and MIS exports produce, which TextEncoder (UTF-8 only) cannot write. */

export function utf8(text: string, { bom = false } = {}): Uint8Array {
  const body = new TextEncoder().encode(text);
  return bom ? concat([0xef, 0xbb, 0xbf], body) : body;
}

export function utf16le(text: string, { bom = true } = {}): Uint8Array {
  const body = new Uint8Array(Buffer.from(text, 'utf16le'));
  return bom ? concat([0xff, 0xfe], body) : body;
}

export function utf16be(text: string, { bom = true } = {}): Uint8Array {
  const body = new Uint8Array(Buffer.from(text, 'utf16le'));
  for (let index = 0; index + 1 < body.length; index += 2) {
    const low = body[index] ?? 0;
    body[index] = body[index + 1] ?? 0;
    body[index + 1] = low;
  }
  return bom ? concat([0xfe, 0xff], body) : body;
}

/** Windows-1252 where it differs from Latin-1 (0x80–0x9F), for the characters these tests use. */
const WINDOWS_1252_SPECIALS: Readonly<Record<string, number>> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96 };

export function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (character) => {
    const special = WINDOWS_1252_SPECIALS[character];
    if (special !== undefined) return special;
    const code = character.codePointAt(0) ?? 0;
    if (code > 0xff || (code >= 0x80 && code <= 0x9f)) throw new Error(`${character} is not in this test's Windows-1252 map`);
    return code;
  });
}

function concat(prefix: number[], body: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(prefix.length + body.length);
  bytes.set(prefix);
  bytes.set(body, prefix.length);
  return bytes;
}
