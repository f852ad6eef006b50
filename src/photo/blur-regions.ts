/**
 * Covers regions of a photo beyond recognition: each region (grown by a margin, so the hairline and
 * chin go too) is averaged into a coarse grid of blocks — a face becomes about six blocks across,
 * which no person or detector can read — and the grid is drawn back smoothly, so the result looks
 * blurred rather than like a mosaic. A Gaussian blur alone can be undone or still recognised.
 * The canvas is changed in place; encoding it afresh (as the callers do) keeps none of the
 * original file's metadata.
 */
import type { PhotoBox } from '../policy/types';
import { context2d, type CanvasMaker, type PhotoCanvas } from './photo-canvas';

/** Blocks across the longer side of a region. */
const BLOCKS_ACROSS = 6;
/** Each side of a region grows by this fraction of its size. */
const MARGIN = 0.2;

export function blurRegions(photo: PhotoCanvas, regions: readonly PhotoBox[], makeCanvas: CanvasMaker): void {
  const context = context2d(photo);
  for (const region of regions) {
    const left = Math.max(0, Math.floor((region.x - region.width * MARGIN) * photo.width));
    const top = Math.max(0, Math.floor((region.y - region.height * MARGIN) * photo.height));
    const right = Math.min(photo.width, Math.ceil((region.x + region.width * (1 + MARGIN)) * photo.width));
    const bottom = Math.min(photo.height, Math.ceil((region.y + region.height * (1 + MARGIN)) * photo.height));
    const width = right - left;
    const height = bottom - top;
    if (width < 1 || height < 1) continue;
    const block = Math.max(1, Math.ceil(Math.max(width, height) / BLOCKS_ACROSS));
    const grid = averagedBlocks(context.getImageData(left, top, width, height), block, makeCanvas);
    context.save();
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(grid, left, top, width, height);
    context.restore();
  }
}

/** One pixel per block, each the mean of the block's pixels. */
function averagedBlocks(pixels: ImageData, block: number, makeCanvas: CanvasMaker): PhotoCanvas {
  const columns = Math.ceil(pixels.width / block);
  const rows = Math.ceil(pixels.height / block);
  const grid = makeCanvas(columns, rows);
  const gridContext = context2d(grid);
  const out = gridContext.createImageData(columns, rows);
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let count = 0;
      for (let y = row * block; y < Math.min(pixels.height, (row + 1) * block); y += 1) {
        for (let x = column * block; x < Math.min(pixels.width, (column + 1) * block); x += 1) {
          const at = (y * pixels.width + x) * 4;
          red += pixels.data[at] as number;
          green += pixels.data[at + 1] as number;
          blue += pixels.data[at + 2] as number;
          count += 1;
        }
      }
      const at = (row * columns + column) * 4;
      out.data[at] = red / count;
      out.data[at + 1] = green / count;
      out.data[at + 2] = blue / count;
      out.data[at + 3] = 255;
    }
  }
  gridContext.putImageData(out, 0, 0);
  return grid;
}
