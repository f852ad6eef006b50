/**
 * How far the text in a photo is turned, in degrees (positive: clockwise on screen). The OCR's text
 * boxes are upright rectangles, so a photo of a certificate taken at 15° reads as noise; turning
 * the photo back first restores it. The angle is the one at which the edges of the text, projected
 * across the lines, give the sharpest profile (rows of ink and gaps between them): the classic
 * projection-profile method, limited to where the OCR found text so pictures around it do not count.
 */
import { greyLevels, downscale, type CanvasMaker, type PhotoCanvas } from './photo-canvas';

export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Phone photos of a page or a label are rarely turned further; past this a line is read as a column. */
export const MAX_TEXT_ANGLE = 30;
/** The size of the copy the angle is measured on. */
export const PROFILE_SIDE = 800;
const EDGE_THRESHOLD = 48;

export function estimateTextAngle(photo: PhotoCanvas, textRegions: readonly PixelRect[], makeCanvas: CanvasMaker): number {
  if (textRegions.length === 0) return 0;
  const small = downscale(photo, PROFILE_SIDE, makeCanvas);
  const scale = small.width / photo.width;
  const { width, height } = small;
  const grey = greyLevels(small);
  const inText = new Uint8Array(width * height);
  for (const region of textRegions) {
    const left = Math.max(1, Math.floor(region.x * scale));
    const right = Math.min(width - 1, Math.ceil((region.x + region.width) * scale));
    const top = Math.max(1, Math.floor(region.y * scale));
    const bottom = Math.min(height - 1, Math.ceil((region.y + region.height) * scale));
    for (let y = top; y < bottom; y += 1) inText.fill(1, y * width + left, y * width + right);
  }
  const xs: number[] = [];
  const ys: number[] = [];
  const weights: number[] = [];
  for (let y = 1; y < height - 1; y += 1) {
    for (let x = 1; x < width - 1; x += 1) {
      const at = y * width + x;
      if (!inText[at]) continue;
      const edge = Math.abs((grey[at + 1] as number) - (grey[at - 1] as number)) + Math.abs((grey[at + width] as number) - (grey[at - width] as number));
      if (edge < EDGE_THRESHOLD) continue;
      xs.push(x - width / 2);
      ys.push(y - height / 2);
      weights.push(edge);
    }
  }
  if (xs.length < 50) return 0;
  const sharpness = (degrees: number) => profileSharpness(xs, ys, weights, degrees, Math.hypot(width, height));
  let best = 0;
  let bestScore = -Infinity;
  for (let degrees = -MAX_TEXT_ANGLE; degrees <= MAX_TEXT_ANGLE; degrees += 1) {
    const score = sharpness(degrees);
    if (score > bestScore) [best, bestScore] = [degrees, score];
  }
  const coarse = best;
  for (let degrees = coarse - 0.75; degrees <= coarse + 0.75; degrees += 0.25) {
    const score = sharpness(degrees);
    if (score > bestScore) [best, bestScore] = [degrees, score];
  }
  return best;
}

/** Sum of squared differences between neighbouring rows of the profile across lines at this angle. */
function profileSharpness(xs: number[], ys: number[], weights: number[], degrees: number, diagonal: number): number {
  const radians = (degrees * Math.PI) / 180;
  const sin = Math.sin(radians);
  const cos = Math.cos(radians);
  const offset = diagonal / 2;
  const bins = new Float64Array(Math.ceil(diagonal) + 2);
  for (let index = 0; index < xs.length; index += 1) {
    const across = (ys[index] as number) * cos - (xs[index] as number) * sin + offset;
    const bin = Math.floor(across);
    bins[bin] = (bins[bin] as number) + (weights[index] as number);
  }
  let score = 0;
  for (let index = 1; index < bins.length; index += 1) {
    const step = (bins[index] as number) - (bins[index - 1] as number);
    score += step * step;
  }
  return score;
}
