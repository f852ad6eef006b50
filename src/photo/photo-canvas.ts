/**
 * The little of a 2D canvas that photo analysis needs. The offscreen document and the event page
 * give it OffscreenCanvas; the CLI gives it @napi-rs/canvas (Skia), which has the same methods.
 */
export type PhotoCanvas = OffscreenCanvas;

export interface CanvasMaker {
  (width: number, height: number): PhotoCanvas;
}

export function context2d(canvas: PhotoCanvas): OffscreenCanvasRenderingContext2D {
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('This browser gave no 2D canvas to read the photo with.');
  return context;
}

/** A copy whose longer side is at most `longestSide` pixels (never enlarged). */
export function downscale(source: PhotoCanvas, longestSide: number, makeCanvas: CanvasMaker): PhotoCanvas {
  return longestSide < Math.max(source.width, source.height) ? drawScaled(source, longestSide, makeCanvas) : source;
}

/** `source` drawn onto a new canvas, shrunk (smoothly) to at most `longestSide` pixels long. */
export function drawScaled(source: CanvasImageSource & { width: number; height: number }, longestSide: number, makeCanvas: CanvasMaker): PhotoCanvas {
  const scale = Math.min(1, longestSide / Math.max(source.width, source.height));
  const copy = makeCanvas(Math.max(1, Math.round(source.width * scale)), Math.max(1, Math.round(source.height * scale)));
  const context = context2d(copy);
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, 0, 0, copy.width, copy.height);
  return copy;
}

/** Luminance of every pixel (0–255), row by row. */
export function greyLevels(canvas: PhotoCanvas): Uint8ClampedArray {
  const { data } = context2d(canvas).getImageData(0, 0, canvas.width, canvas.height);
  const grey = new Uint8ClampedArray(canvas.width * canvas.height);
  for (let pixel = 0, byte = 0; pixel < grey.length; pixel += 1, byte += 4) {
    grey[pixel] = ((data[byte] as number) * 77 + (data[byte + 1] as number) * 150 + (data[byte + 2] as number) * 29) >> 8;
  }
  return grey;
}
