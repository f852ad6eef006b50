/** Real image files made at test time, with the metadata a phone or photo app would write. */
import { createCanvas } from '@napi-rs/canvas';
import piexif from 'piexifjs';

/**
 * A small photo with nothing in it to find (a sky-to-grass gradient, 96 × 72), encoded by Skia: a
 * picture any browser decodes, as the guard must open every photo to check its pixels.
 */
const TINY_JPEG = (() => {
  const canvas = createCanvas(96, 72);
  const context = canvas.getContext('2d');
  const gradient = context.createLinearGradient(0, 0, 0, 72);
  gradient.addColorStop(0, '#8ec5ff');
  gradient.addColorStop(1, '#4f9a3a');
  context.fillStyle = gradient;
  context.fillRect(0, 0, 96, 72);
  return canvas.toBuffer('image/jpeg');
})();

export function plainJpeg(): Buffer {
  return Buffer.from(TINY_JPEG);
}

/** A file that begins as a JPEG does (its header and tables) and stops before any picture: a download cut short. */
export function damagedJpeg(): Buffer {
  return Buffer.from(
    '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
    'base64',
  );
}

/** A real photo followed by `megabytes` MB more of its file, as a camera's largest setting makes: only its size matters. */
export function hugeJpeg(megabytes: number): Buffer {
  return Buffer.concat([TINY_JPEG, Buffer.alloc(megabytes * 1024 * 1024, 0x80)]);
}

/** A photo taken at the given place, as a phone's camera records it (`jpeg`: the picture, the small plain one by default). */
export function jpegWithGps(latitude: number, longitude: number, jpeg: Buffer = TINY_JPEG): Buffer {
  const dms = (value: number) => {
    const abs = Math.abs(value);
    const degrees = Math.floor(abs);
    const minutes = Math.floor((abs - degrees) * 60);
    const seconds = Math.round(((abs - degrees) * 60 - minutes) * 60 * 100);
    return [[degrees, 1], [minutes, 1], [seconds, 100]];
  };
  const exif = piexif.dump({
    '0th': { [piexif.ImageIFD.Make]: 'Phone' },
    GPS: {
      [piexif.GPSIFD.GPSLatitudeRef]: latitude >= 0 ? 'N' : 'S',
      [piexif.GPSIFD.GPSLatitude]: dms(latitude),
      [piexif.GPSIFD.GPSLongitudeRef]: longitude >= 0 ? 'E' : 'W',
      [piexif.GPSIFD.GPSLongitude]: dms(longitude),
    },
  });
  return Buffer.from(piexif.insert(exif, jpeg.toString('binary')), 'binary');
}

/** A photo whose description field names someone, as photo apps write captions. */
export function jpegWithDescription(description: string): Buffer {
  const exif = piexif.dump({ '0th': { [piexif.ImageIFD.ImageDescription]: description } });
  return Buffer.from(piexif.insert(exif, TINY_JPEG.toString('binary')), 'binary');
}
