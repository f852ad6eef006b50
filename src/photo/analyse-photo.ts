/**
 * Everything the guard reads from a photo's pixels: the lines of text in it (on a copy at most
 * ANALYSIS_SIDE pixels long; see the README for why 1,600) and where its faces are (the face
 * finder reads a copy FACE_SIDE long). Nothing is kept.
 */
import type { PhotoBox, ReadTextLine } from '../policy/types';
import { FACE_SIDE, type FaceFinder } from './face-finder';
import { downscale, type CanvasMaker, type PhotoCanvas } from './photo-canvas';
import type { PhotoTextReader } from './photo-text-reader';

export const ANALYSIS_SIDE = 1600;
/** The largest copy the analysis reads: a photo is decoded straight to this size, no larger. */
export const DECODED_SIDE = Math.max(ANALYSIS_SIDE, FACE_SIDE);

/** Boxes are fractions of the photo's size, whatever size it was analysed at. */
export interface PhotoAnalysis {
  text: ReadTextLine[];
  faces: PhotoBox[];
}

/** Each analyser as it loads: on a first photo, the faces are found while the text reader's sessions are still being made. */
export interface PhotoAnalysers {
  text: Promise<PhotoTextReader>;
  faces: Promise<FaceFinder>;
  makeCanvas: CanvasMaker;
}

export interface AnalysisOptions {
  /** The longest side of the copy analysed (default ANALYSIS_SIDE). */
  side?: number;
  deskew?: boolean;
  /** True once the requester stopped waiting (the photo's time limit): the faces stop at their next pass. */
  givenUp?: () => boolean;
}

export async function analysePhoto(photo: PhotoCanvas, analysers: PhotoAnalysers, { side = ANALYSIS_SIDE, deskew = true, givenUp }: AnalysisOptions = {}): Promise<PhotoAnalysis> {
  const copy = downscale(photo, side, analysers.makeCanvas);
  // Side by side: in Chrome the text is read in onnxruntime's own worker (browser-photo-analysers.ts)
  // while the faces are found on this thread.
  // Both settle before the photo's turn ends, so a failed text read never leaves the faces running beside the next photo.
  const [text, faces] = await Promise.allSettled([analysers.text.then((reader) => reader.read(copy, { deskew })), analysers.faces.then((finder) => finder.find(photo, givenUp))]);
  if (text.status === 'rejected') throw text.reason;
  if (faces.status === 'rejected') throw faces.reason;
  return { text: text.value, faces: faces.value };
}
