import { describe, expect, it } from 'vitest';
import piexif from 'piexifjs';
import { readMediaMetadata } from '../../src/photo/media-metadata';

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
    const { gps } = await readMediaMetadata(bytes);
    expect(gps?.latitude).toBeCloseTo(51.8, 3);
    expect(gps?.longitude).toBeCloseTo(-0.35, 3);
  });

  it('reads the description and artist written into EXIF', async () => {
    const bytes = jpegWithExif({ '0th': { [piexif.ImageIFD.ImageDescription]: 'Kai Bell with his medal', [piexif.ImageIFD.Make]: 'Canon' } });
    const { textFields, gps } = await readMediaMetadata(bytes);
    expect(textFields).toContain('Kai Bell with his medal');
    expect(textFields).not.toContain('Canon');
    expect(gps).toBeNull();
  });

  it('reads people named in XMP', async () => {
    const xml = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
      <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/">
        <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Sports day</rdf:li></rdf:Alt></dc:title>
        <Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>Poppy Hughes</rdf:li></rdf:Bag></Iptc4xmpExt:PersonInImage>
      </rdf:Description></rdf:RDF></x:xmpmeta>`;
    const { textFields } = await readMediaMetadata(jpegWithXmp(xml));
    expect(textFields).toEqual(expect.arrayContaining(['Sports day', 'Poppy Hughes']));
  });

  it('returns nothing for a file that is not an image', async () => {
    expect(await readMediaMetadata(new TextEncoder().encode('not an image'))).toEqual({ textFields: [], gps: null });
  });
});
