/**
 * Makes the photo test set: school paperwork that names a pupil (certificates, exercise books, peg
 * labels, name badges, whiteboards) in print and handwriting-like fonts, degraded as a phone
 * photo of it would be (turned up to 25°, at a slant, out of focus, unevenly lit, noisy, JPEG at
 * quality 70, 4000×3000), and photos with no text at all. Everything is drawn from a seed, with
 * @napi-rs/canvas and fonts from @fontsource packages (SIL Open Font Licence), so the set is the
 * same on every machine and nothing is downloaded.
 *
 *   npx tsx scripts/photo-test-set.ts OUT_DIR [NAMED_COUNT] [TEXT_FREE_COUNT]
 */
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface TestPhoto {
  file: string;
  kind: string;
  /** The pupil names written in it (empty for a photo with no text). */
  names: string[];
  font: string;
  angle: number;
}

const require = createRequire(import.meta.url);
const PRINT_FONTS = ['Roboto', 'Merriweather'];
const HAND_FONTS = ['Caveat', 'Patrick Hand', 'Indie Flower', 'Permanent Marker'];
const FONT_PACKAGES: Record<string, string> = {
  Roboto: 'roboto', Merriweather: 'merriweather', Caveat: 'caveat', 'Patrick Hand': 'patrick-hand', 'Indie Flower': 'indie-flower', 'Permanent Marker': 'permanent-marker',
};
/** A 12-megapixel phone photo. */
export const PHONE_PHOTO_WIDTH = 4000;

/** Pupils of tests/fixtures/roster/sample-roster.csv, as staff would write them. */
const PUPILS: [string, string][] = [
  ['Grace', 'Brown'], ['Oliver', 'Bennett'], ['Poppy', 'Hughes'], ['Jasmine', 'Ahmed'], ['Holly', 'Carter'], ['Mohammed', 'Khan'],
  ['Rose', 'Parker'], ['Chloé', 'Dubois'], ['Mason', 'Taylor'], ['Hope', 'Wilson'], ['Leo', 'Walker'], ['Ivy', 'Fox'],
  ['Samuel', 'Knight'], ['Ada', 'Nowak'], ['Kai', 'Bell'], ['Summer', 'Hill'], ['Reggie', 'Stone'], ['Faith', 'Okonkwo'],
  ['Noor', 'Hussain'], ['Aarav', 'Sharma'], ['Björn', 'Eriksson'], ['Niamh', "O'Brien"], ['Harrison', 'King'], ['Zoë', 'Green'],
];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

let fontsRegistered = false;
function registerFonts(): void {
  if (fontsRegistered) return;
  for (const [family, name] of Object.entries(FONT_PACKAGES)) {
    const file = require.resolve(`@fontsource/${name}/files/${name}-latin-400-normal.woff2`);
    GlobalFonts.registerFromPath(file, family);
  }
  fontsRegistered = true;
}

/** Sets the largest font up to `size` at which `text` fits in `maxWidth`: a long name is written smaller, as people do. */
function fitText(g: SKRSContext2D, text: string, maxWidth: number, font: (size: number) => string, size: number): void {
  let fitted = size;
  g.font = font(fitted);
  while (fitted > 8 && g.measureText(text).width > maxWidth) {
    fitted *= 0.9;
    g.font = font(fitted);
  }
}

type Draw = (g: SKRSContext2D, width: number, height: number, font: (size: number) => string, pick: <T>(list: T[]) => T) => string[];

const CLASSES = ['Owls', 'Badgers', 'Hedgehogs', 'Year 5'];

/** Each draws one piece of paperwork in a width × height area and returns the names it wrote. */
const KINDS = {
  certificate: ([forename, surname]) => (g, w, h, font) => {
    g.fillStyle = '#fffaf0'; g.fillRect(0, 0, w, h);
    g.strokeStyle = '#b8860b'; g.lineWidth = w * 0.015; g.strokeRect(w * 0.04, h * 0.05, w * 0.92, h * 0.9);
    g.textAlign = 'center'; g.fillStyle = '#7a1f1f';
    g.font = `${h * 0.12}px Merriweather`; g.fillText('Star of the Week', w / 2, h * 0.25);
    g.fillStyle = '#333'; g.font = `${h * 0.05}px Roboto`; g.fillText('This certificate is awarded to', w / 2, h * 0.38);
    g.fillStyle = '#102a5c'; fitText(g, `${forename} ${surname}`, w * 0.8, font, h * 0.14); g.fillText(`${forename} ${surname}`, w / 2, h * 0.58);
    g.fillStyle = '#333'; g.font = `${h * 0.05}px Roboto`; g.fillText('for fantastic effort in reading', w / 2, h * 0.72);
    g.font = `${h * 0.045}px Roboto`; g.fillText('Mrs Patel, Head Teacher', w / 2, h * 0.86);
    return [`${forename} ${surname}`];
  },
  book: ([forename, surname], rand) => (g, w, h, font) => {
    g.fillStyle = ['#2c6e49', '#1d4e89', '#9b2226', '#6a4c93'][Math.floor(rand() * 4)] as string; g.fillRect(0, 0, w, h);
    g.fillStyle = '#fff'; g.textAlign = 'center'; g.font = `${h * 0.09}px Roboto`; g.fillText('MATHS', w / 2, h * 0.16);
    g.fillStyle = '#fdfdf8'; g.fillRect(w * 0.12, h * 0.45, w * 0.76, h * 0.38);
    g.fillStyle = '#222'; g.textAlign = 'left'; g.font = `${h * 0.04}px Roboto`;
    g.fillText('Name', w * 0.15, h * 0.55); g.fillText('Class', w * 0.15, h * 0.75);
    g.fillStyle = '#1a1a7a'; fitText(g, `${forename} ${surname}`, w * 0.54, font, h * 0.075); g.fillText(`${forename} ${surname}`, w * 0.32, h * 0.58);
    g.fillText(CLASSES[Math.floor(rand() * CLASSES.length)] as string, w * 0.32, h * 0.78);
    return [`${forename} ${surname}`];
  },
  label: ([forename, surname], rand) => (g, w, h, font) => {
    g.fillStyle = ['#ffd6a5', '#caffbf', '#9bf6ff', '#ffc6ff'][Math.floor(rand() * 4)] as string; g.fillRect(0, 0, w, h);
    g.fillStyle = '#fff'; g.beginPath(); g.arc(w * 0.2, h * 0.5, h * 0.28, 0, Math.PI * 2); g.fill();
    g.fillStyle = '#111'; g.textAlign = 'left';
    const label = rand() < 0.5 ? `${forename} ${surname.charAt(0)}.` : `${forename} ${surname}`;
    fitText(g, label, w * 0.54, font, h * 0.3);
    g.fillText(label, w * 0.42, h * 0.6);
    return [label];
  },
  badge: ([forename, surname]) => (g, w, h, font) => {
    g.fillStyle = '#d62828'; g.fillRect(0, 0, w, h);
    g.fillStyle = '#fff'; g.textAlign = 'center'; g.font = `${h * 0.12}px Roboto`; g.fillText('HELLO my name is', w / 2, h * 0.2);
    g.fillRect(w * 0.05, h * 0.3, w * 0.9, h * 0.6);
    g.fillStyle = '#111'; fitText(g, `${forename} ${surname}`, w * 0.85, font, h * 0.22); g.fillText(`${forename} ${surname}`, w / 2, h * 0.68);
    return [`${forename} ${surname}`];
  },
  whiteboard: ([forename, surname], rand) => (g, w, h, font, pick) => {
    g.fillStyle = '#f7f7f4'; g.fillRect(0, 0, w, h);
    g.strokeStyle = '#999'; g.lineWidth = w * 0.02; g.strokeRect(0, 0, w, h);
    g.fillStyle = '#1b4332'; g.textAlign = 'left'; g.font = font(h * 0.1); g.fillText('Reading Stars this week', w * 0.08, h * 0.18);
    const other = pick(PUPILS.filter(([name]) => name !== forename));
    const names = [`${forename} ${surname}`, `${other[0]} ${other[1]}`];
    g.fillStyle = rand() < 0.5 ? '#1d3557' : '#9d0208';
    names.forEach((name, line) => { fitText(g, `${line + 1}. ${name}`, w * 0.8, font, h * 0.1); g.fillText(`${line + 1}. ${name}`, w * 0.12, h * (0.42 + line * 0.2)); });
    g.fillStyle = '#555'; g.font = font(h * 0.06); g.fillText('Keep it up!', w * 0.55, h * 0.88);
    return names;
  },
} satisfies Record<string, (pupil: [string, string], rand: () => number) => Draw>;

/** A photo with no writing: paint, shapes, leaves, a table top. */
function drawTextFree(g: SKRSContext2D, rand: () => number, width: number, height: number): void {
  const gradient = g.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, `hsl(${rand() * 360}, 40%, 70%)`);
  gradient.addColorStop(1, `hsl(${rand() * 360}, 45%, 40%)`);
  g.fillStyle = gradient; g.fillRect(0, 0, width, height);
  const shapes = 20 + Math.floor(rand() * 60);
  for (let index = 0; index < shapes; index += 1) {
    g.fillStyle = `hsla(${rand() * 360}, ${40 + rand() * 50}%, ${30 + rand() * 50}%, ${0.4 + rand() * 0.6})`;
    g.beginPath();
    if (rand() < 0.5) g.ellipse(rand() * width, rand() * height, 40 + rand() * 500, 40 + rand() * 400, rand() * Math.PI, 0, Math.PI * 2);
    else {
      g.moveTo(rand() * width, rand() * height);
      for (let point = 0; point < 4; point += 1) g.quadraticCurveTo(rand() * width, rand() * height, rand() * width, rand() * height);
    }
    g.fill();
  }
  g.strokeStyle = 'rgba(40, 30, 20, 0.5)';
  for (let index = 0; index < 30; index += 1) {
    g.lineWidth = 4 + rand() * 30;
    g.beginPath(); g.moveTo(rand() * width, rand() * height); g.bezierCurveTo(rand() * width, rand() * height, rand() * width, rand() * height, rand() * width, rand() * height); g.stroke();
  }
}

/** A table top, then the paperwork turned and slanted on it, then focus, light and noise. */
function photograph(draw: Draw | null, rand: () => number, fontFamily: string, width: number): { jpeg: Buffer; names: string[]; angle: number } {
  const height = Math.round((width * 3) / 4);
  const blurScale = width / PHONE_PHOTO_WIDTH;
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  const angle = Math.round((rand() * 50 - 25) * 10) / 10;
  let names: string[] = [];
  if (draw) {
    g.fillStyle = `hsl(${25 + rand() * 15}, ${30 + rand() * 20}%, ${35 + rand() * 20}%)`; g.fillRect(0, 0, width, height);
    const paperWidth = width * (0.62 + rand() * 0.2);
    const paperHeight = paperWidth * (0.55 + rand() * 0.2);
    g.save();
    g.translate(width / 2 + (rand() - 0.5) * width * 0.08, height / 2 + (rand() - 0.5) * height * 0.08);
    g.rotate((angle * Math.PI) / 180);
    // Perspective of a photo taken at a slant, approximated by a shear and an uneven scale.
    g.transform(1, (rand() - 0.5) * 0.12, (rand() - 0.5) * 0.12, 0.9 + rand() * 0.1, 0, 0);
    g.translate(-paperWidth / 2, -paperHeight / 2);
    g.shadowColor = 'rgba(0,0,0,0.35)'; g.shadowBlur = 40 * blurScale;
    g.fillStyle = '#fff'; g.fillRect(0, 0, paperWidth, paperHeight);
    g.shadowBlur = 0;
    const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)] as T;
    names = draw(g as SKRSContext2D, paperWidth, paperHeight, (size) => `${Math.round(size)}px "${fontFamily}"`, pick);
    g.restore();
  } else {
    drawTextFree(g as SKRSContext2D, rand, width, height);
  }
  const light = g.createRadialGradient(width * rand(), height * rand(), 100, width / 2, height / 2, width);
  light.addColorStop(0, 'rgba(255,255,240,0.18)');
  light.addColorStop(1, 'rgba(0,0,20,0.28)');
  g.fillStyle = light; g.fillRect(0, 0, width, height);
  const out = createCanvas(width, height);
  const og = out.getContext('2d');
  og.filter = `blur(${(rand() * 5 * blurScale).toFixed(1)}px)`;
  og.drawImage(canvas, 0, 0);
  og.filter = 'none';
  const image = og.getImageData(0, 0, width, height);
  for (let byte = 0; byte < image.data.length; byte += 4) {
    const noise = (rand() - 0.5) * 24;
    image.data[byte] = (image.data[byte] as number) + noise;
    image.data[byte + 1] = (image.data[byte + 1] as number) + noise;
    image.data[byte + 2] = (image.data[byte + 2] as number) + noise;
  }
  og.putImageData(image, 0, 0);
  return { jpeg: out.encodeSync('jpeg', 70), names, angle };
}

/** One photo of one kind of paperwork naming `pupil` (or, for `null`, one with no text). */
export function makeTestPhoto(kind: keyof typeof KINDS | null, pupil: [string, string], font: string, seed: number, width = PHONE_PHOTO_WIDTH): { jpeg: Buffer; names: string[]; angle: number } {
  registerFonts();
  const rand = random(seed);
  return photograph(kind ? KINDS[kind](pupil, rand) : null, rand, font, width);
}

/** Writes the set to `dir` and returns what each photo holds. */
export function makePhotoTestSet(dir: string, namedCount = 25, textFreeCount = 8, seed = 20261201, width = PHONE_PHOTO_WIDTH): TestPhoto[] {
  registerFonts();
  mkdirSync(dir, { recursive: true });
  const rand = random(seed);
  const kinds = Object.keys(KINDS) as (keyof typeof KINDS)[];
  const photos: TestPhoto[] = [];
  for (let index = 0; index < namedCount; index += 1) {
    const kind = kinds[index % kinds.length] as keyof typeof KINDS;
    const pupil = PUPILS[index % PUPILS.length] as [string, string];
    // Every other photo is handwritten: labels and whiteboards mostly are.
    const fonts = index % 2 === 0 ? HAND_FONTS : PRINT_FONTS;
    const font = fonts[Math.floor(index / 2) % fonts.length] as string;
    const { jpeg, names, angle } = photograph(KINDS[kind](pupil, rand), rand, font, width);
    const file = `${String(index + 1).padStart(2, '0')}-${kind}.jpg`;
    writeFileSync(join(dir, file), jpeg);
    photos.push({ file, kind, names, font, angle });
  }
  for (let index = 0; index < textFreeCount; index += 1) {
    const { jpeg } = photograph(null, rand, '', width);
    const file = `no-text-${String(index + 1).padStart(2, '0')}.jpg`;
    writeFileSync(join(dir, file), jpeg);
    photos.push({ file, kind: 'no text', names: [], font: '', angle: 0 });
  }
  writeFileSync(join(dir, 'photos.json'), `${JSON.stringify(photos, null, 1)}\n`);
  return photos;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, named, textFree] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: tsx scripts/photo-test-set.ts OUT_DIR [NAMED_COUNT] [TEXT_FREE_COUNT]');
    process.exit(2);
  }
  const photos = makePhotoTestSet(dir, named ? Number(named) : undefined, textFree ? Number(textFree) : undefined);
  console.log(`${photos.length} photos in ${dir}`);
}
