import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, test } from 'vitest';
import type { CanvasMaker, PhotoCanvas } from '../../src/photo/photo-canvas';
import { estimateTextAngle } from '../../src/photo/text-angle';

const makeCanvas: CanvasMaker = (width, height) => createCanvas(width, height) as unknown as PhotoCanvas;

/** A page of four lines of text, turned by `degrees` about the middle. */
function page(degrees: number): PhotoCanvas {
  const canvas = makeCanvas(1200, 900);
  const g = canvas.getContext('2d') as unknown as CanvasRenderingContext2D;
  g.fillStyle = '#f5f0e8';
  g.fillRect(0, 0, 1200, 900);
  g.translate(600, 450);
  g.rotate((degrees * Math.PI) / 180);
  g.fillStyle = '#111';
  g.font = '56px sans-serif';
  ['Star of the Week', 'This certificate is awarded to', 'for brilliant effort in maths', 'Mrs Patel, Head Teacher'].forEach((line, index) => g.fillText(line, -420, -150 + index * 100));
  return canvas;
}

const WHOLE = [{ x: 0, y: 0, width: 1200, height: 900 }];

describe('estimateTextAngle', () => {
  for (const degrees of [0, 6, -11, 18, -24]) {
    test(`text turned ${degrees}° is measured within a degree`, () => {
      expect(Math.abs(estimateTextAngle(page(degrees), WHOLE, makeCanvas) - degrees)).toBeLessThanOrEqual(1);
    });
  }

  test('no text found: no turn', () => {
    expect(estimateTextAngle(page(15), [], makeCanvas)).toBe(0);
  });
});
