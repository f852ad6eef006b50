import { describe, expect, it } from 'vitest';
import piexif from 'piexifjs';
import { readMediaMetadata, type MediaMetadata } from '../../src/photo/media-metadata';
import { iTXt, png, tEXt, zTXt } from './png-with-text';

/** A 1×1 baseline JPEG: the smallest real image the metadata can be written into. */
const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

function jpegWithExif(exif: Record<string, Record<number, unknown>>): Uint8Array {
  const binary = piexif.insert(piexif.dump(exif), TINY_JPEG.toString('binary'));
  return new Uint8Array(Buffer.from(binary, 'binary'));
}

/** An XMP packet in an APP1 segment, as Lightroom and phones write face-region names. */
function jpegWithXmp(xml: string): Uint8Array {
  const payload = Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(xml, 'utf8')]);
  const header = Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  return new Uint8Array(Buffer.concat([TINY_JPEG.subarray(0, 2), header, payload, TINY_JPEG.subarray(2)]));
}

async function texts(bytes: Uint8Array): Promise<MediaMetadata['textFields'] | null> {
  return (await readMediaMetadata(bytes))?.textFields ?? null;
}

describe('readMediaMetadata', () => {
  it('finds the GPS position of a photo', async () => {
    const bytes = jpegWithExif({
      '0th': {},
      GPS: {
        [piexif.GPSIFD.GPSLatitudeRef]: 'N',
        [piexif.GPSIFD.GPSLatitude]: [[51, 1], [48, 1], [0, 1]],
        [piexif.GPSIFD.GPSLongitudeRef]: 'W',
        [piexif.GPSIFD.GPSLongitude]: [[0, 1], [21, 1], [0, 1]],
      },
    });
    const gps = (await readMediaMetadata(bytes))?.gps;
    expect(gps?.latitude).toBeCloseTo(51.8, 3);
    expect(gps?.longitude).toBeCloseTo(-0.35, 3);
  });

  it('reads the description and artist written into EXIF', async () => {
    const bytes = jpegWithExif({ '0th': { [piexif.ImageIFD.ImageDescription]: 'Kai Bell with his medal', [piexif.ImageIFD.Make]: 'Canon' } });
    expect(await readMediaMetadata(bytes)).toEqual({ textFields: ['Kai Bell with his medal'], gps: null });
  });

  it('reads people named in XMP', async () => {
    const xml = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
      <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/">
        <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Sports day</rdf:li></rdf:Alt></dc:title>
        <Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>Poppy Hughes</rdf:li></rdf:Bag></Iptc4xmpExt:PersonInImage>
      </rdf:Description></rdf:RDF></x:xmpmeta>`;
    expect(await texts(jpegWithXmp(xml))).toEqual(expect.arrayContaining(['Sports day', 'Poppy Hughes']));
  });

  it('reads a PNG’s text chunks of every kind, before or after its pixels, however far into the file', async () => {
    const bytes = png({
      before: [tEXt('Title', 'Sports day'), zTXt('Comment', 'Poppy Hughes won the sack race')],
      after: [iTXt('Description', 'Kai Bell’s medal', false), iTXt('Author', 'Noor Hussain', true), tEXt('Caption', 'Grace Brown')],
      padding: 3 * 1024 * 1024,
    });
    expect(await texts(bytes)).toEqual(expect.arrayContaining(['Grace Brown', 'Kai Bell’s medal', 'Noor Hussain', 'Poppy Hughes won the sack race', 'Sports day']));
  });

  it('says a photo of a kind it reads whose metadata cannot be read is unreadable, not empty', async () => {
    // A JPEG whose EXIF block claims more bytes than the file has.
    const overlong = new Uint8Array(Buffer.concat([TINY_JPEG.subarray(0, 2), Buffer.from([0xff, 0xe1, 0xff, 0xf0]), Buffer.from('Exif\0\0II*\0', 'latin1')]));
    expect(await readMediaMetadata(overlong)).toBeNull();
    // A PNG whose text chunk was damaged (its checksum no longer matches).
    const damaged = Buffer.from(png({ after: [tEXt('Caption', 'Grace Brown')] }));
    damaged[damaged.indexOf('Grace Brown', 0, 'latin1')] = 0x48;
    expect(await readMediaMetadata(new Uint8Array(damaged))).toBeNull();
    // A compressed text of 50 MB in a file of a few tens of KB: never inflated whole.
    expect(await readMediaMetadata(png({ after: [zTXt('Comment', 'a'.repeat(50 * 1024 * 1024))] }))).toBeNull();
    expect(await texts(png({ after: [zTXt('Comment', `Grace Brown ${'x'.repeat(60 * 1024)}`)] }))).toEqual(expect.arrayContaining([expect.stringMatching(/^Grace Brown x+$/)]));
  });

  it('hands HEIC and AVIF files to exifr as well (their ISO box brand), and not other ISO box files', async () => {
    const box = (brand: string) => new Uint8Array(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from(`ftyp${brand}`, 'latin1'), Buffer.alloc(12)]));
    // Nothing exifr can parse follows the brand: unreadable for a photo's brand, nothing for a video's.
    expect(await readMediaMetadata(box('avif'))).toBeNull();
    expect(await readMediaMetadata(box('heic'))).toBeNull();
    expect(await readMediaMetadata(box('isom'))).toEqual({ textFields: [], gps: null });
  });

  it('finds nothing, and nothing wrong, in files of kinds whose metadata it does not read', async () => {
    const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
    const webp = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
    for (const bytes of [new TextEncoder().encode('not an image'), gif, webp]) expect(await readMediaMetadata(new Uint8Array(bytes))).toEqual({ textFields: [], gps: null });
  });
});
