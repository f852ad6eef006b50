/**
 * Everything the guard reads from a photo's pixels: the lines of text in it (on a copy at most
 * ANALYSIS_SIDE pixels long; see the README for why 1,600) and where its faces are (the face
 * finder makes its own, larger copy). Nothing is kept.
 */
import type { PhotoBox, ReadTextLine } from '../policy/types';
import type { FaceFinder } from './face-finder';
import { downscale, type CanvasMaker, type PhotoCanvas } from './photo-canvas';
import type { PhotoTextReader } from './photo-text-reader';

export const ANALYSIS_SIDE = 1600;

export interface PhotoAnalysis {
  /** The photo's own size, in pixels. */
  width: number;
  height: number;
  text: ReadTextLine[];
  faces: PhotoBox[];
}

export interface PhotoAnalysers {
  text: PhotoTextReader;
  faces: FaceFinder;
  makeCanvas: CanvasMaker;
}

export interface AnalysisOptions {
  /** The longest side of the copy analysed (default ANALYSIS_SIDE). */
  side?: number;
  deskew?: boolean;
}

export async function analysePhoto(photo: PhotoCanvas, analysers: PhotoAnalysers, { side = ANALYSIS_SIDE, deskew = true }: AnalysisOptions = {}): Promise<PhotoAnalysis> {
  const copy = downscale(photo, side, analysers.makeCanvas);
  const text = await analysers.text.read(copy, { deskew });
  const faces = await analysers.faces.find(photo);
  return { width: photo.width, height: photo.height, text, faces };
}
