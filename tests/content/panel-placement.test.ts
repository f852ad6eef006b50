import { describe, expect, it } from 'vitest';
import { placePanel, type Box } from '../../src/content/panel-placement';

const composer = (left: number, top: number, width: number, height: number) => ({ left, top, width, right: left + width, bottom: top + height });
const overlaps = (a: Box, b: ReturnType<typeof composer>) => a.left < b.right && b.left < a.left + a.width && a.top < b.bottom && b.top < a.top + a.height;

describe('placePanel', () => {
  it('goes right of the composer when the window has room there', () => {
    const inline = composer(790, 60, 600, 160);
    const box = placePanel({ width: 1920, height: 1080 }, inline);
    expect(box).toEqual({ left: 1402, top: 60, width: 360, height: 440 });
  });

  it('goes below the composer, never left of it (X’s menu), when the right has no room', () => {
    const inline = composer(513, 60, 600, 160);
    const box = placePanel({ width: 1366, height: 768 }, inline);
    expect([box.left, box.top, box.width]).toEqual([513, 232, 600]);
    expect(overlaps(box, inline)).toBe(false);
  });

  it('goes above a composer at the foot of the window (a direct message)', () => {
    const dm = composer(470, 650, 600, 50);
    const box = placePanel({ width: 1280, height: 720 }, dm);
    expect(box.top + box.height).toBe(638);
    expect(box.height).toBe(300);
    expect(overlaps(box, dm)).toBe(false);
  });

  it('stays inside a narrow window and off the composer', () => {
    const narrow = composer(72, 50, 348, 140);
    const box = placePanel({ width: 420, height: 860 }, narrow);
    expect(box.left + box.width).toBeLessThanOrEqual(420);
    expect(overlaps(box, narrow)).toBe(false);
  });
});
