/**
 * Where the panel's frame goes, from the window's size and the composer's box only (both known to
 * x.com's page already), never from what the panel says. It never covers X's menu on the left
 * (Profile, Messages, the menu's Post button, the account switcher) nor the composer itself (its
 * text, toolbar and Post button): right of the composer where the window has room (X's sidebar
 * column, or the window's margin), else below it (over the timeline), else above it (a message
 * composer at the foot of the window, over the conversation).
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const GAP = 12;
/** Beside the composer: the panel's width, and the least it can be read at. */
const SIDE_WIDTH = 360;
const SIDE_MIN_WIDTH = 240;
const SIDE_HEIGHT = 440;
/** Below or above it: as wide as the composer, this tall at most, and no shorter than this. */
const BELOW_HEIGHT = 300;
const BELOW_MIN_HEIGHT = 150;

export function placePanel(viewport: { width: number; height: number }, composer: Pick<DOMRect, 'left' | 'top' | 'right' | 'bottom' | 'width'>): Box {
  const roomRight = viewport.width - composer.right - 2 * GAP;
  if (roomRight >= SIDE_MIN_WIDTH) {
    const height = Math.max(0, Math.min(SIDE_HEIGHT, viewport.height - 2 * GAP));
    const top = Math.max(GAP, Math.min(composer.top, viewport.height - height - GAP));
    return { left: composer.right + GAP, top, width: Math.min(SIDE_WIDTH, roomRight), height };
  }
  const left = Math.max(0, composer.left);
  const width = Math.max(0, Math.min(composer.width, viewport.width - left));
  const below = Math.max(GAP, composer.bottom + GAP);
  const roomBelow = viewport.height - below - GAP;
  const roomAbove = composer.top - 2 * GAP;
  if (roomBelow >= BELOW_MIN_HEIGHT || roomBelow >= roomAbove) {
    // Off the foot of the window (a composer scrolled down) the panel waits there, unseen, until scrolled to.
    return { left, top: below, width, height: Math.min(BELOW_HEIGHT, Math.max(BELOW_MIN_HEIGHT, roomBelow)) };
  }
  const height = Math.min(BELOW_HEIGHT, roomAbove);
  return { left, top: composer.top - GAP - height, width, height };
}
