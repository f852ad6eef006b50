/** Real image files made at test time, with the metadata a phone or photo app would write. */
import piexif from 'piexifjs';

/** A 1×1 baseline JPEG. */
const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

export function plainJpeg(): Buffer {
  return Buffer.from(TINY_JPEG);
}

/** A photo taken at the given place, as a phone's camera records it. */
export function jpegWithGps(latitude: number, longitude: number): Buffer {
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
  return Buffer.from(piexif.insert(exif, TINY_JPEG.toString('binary')), 'binary');
}

/** A photo whose description field names someone, as photo apps write captions. */
export function jpegWithDescription(description: string): Buffer {
  const exif = piexif.dump({ '0th': { [piexif.ImageIFD.ImageDescription]: description } });
  return Buffer.from(piexif.insert(exif, TINY_JPEG.toString('binary')), 'binary');
}
