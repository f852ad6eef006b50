import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/roster/decode-text';
import { utf16be, utf16le, utf8, windows1252 } from './text-encoders';

const SAMPLE = 'Forename,Surname,Class,Photo consent\r\nZoë,Green,Hedgehogs,No\r\nSeán,Ó Súilleabháin,Badgers,Yes\r\n';

describe('decodeText', () => {
  it.each([
    ['UTF-8 without BOM', utf8(SAMPLE), 'utf-8'],
    ['UTF-8 with BOM', utf8(SAMPLE, { bom: true }), 'utf-8'],
    ['UTF-16 LE with BOM', utf16le(SAMPLE), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16be(SAMPLE), 'utf-16be'],
    ['UTF-16 LE without BOM', utf16le(SAMPLE, { bom: false }), 'utf-16le'],
    ['UTF-16 BE without BOM', utf16be(SAMPLE, { bom: false }), 'utf-16be'],
    ['Windows-1252', windows1252(SAMPLE), 'windows-1252'],
  ])('reads %s', (_name, bytes, encoding) => {
    expect(decodeText(bytes)).toEqual({ text: SAMPLE, encoding });
  });

  it('reads the Windows-1252 characters that Latin-1 does not have (Excel’s curly apostrophe)', () => {
    expect(decodeText(windows1252('Niamh,O’Brien – €')).text).toBe('Niamh,O’Brien – €');
  });

  it('keeps a UTF-16 file of mostly non-Latin names', () => {
    const text = 'Forename,Surname\r\nΑθηνά,Παπαδοπούλου\r\n中文,名字\r\nAda,Nowak\r\n';
    expect(decodeText(utf16le(text, { bom: false })).text).toBe(text);
  });

  it('falls back to Windows-1252 after a UTF-8 BOM when the rest is not UTF-8', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...windows1252('Zoë')]);
    expect(decodeText(bytes)).toEqual({ text: 'Zoë', encoding: 'windows-1252' });
  });

  it('reads nothing as empty UTF-8', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('does not mistake a lone NUL in a single-byte file for UTF-16', () => {
    const bytes = utf8('Forename,Surname\n\u0000Ada,Nowak\n');
    expect(decodeText(bytes).encoding).toBe('utf-8');
  });
});
