/**
 * `npm run bench:e2e`: keystroke → updated highlight in real Chromium with a 2,000-pupil roster,
 * and the size of the content scripts, as markdown tables for the README (issue 5).
 *
 * Targets: keystroke → updated highlight ≤ 16 ms at p95 with the guard loaded (read on (A) below);
 * content scripts ≤ 40 KB gzipped.
 *
 * The guard re-checks in a microtask queued from the `input` event and from a MutationObserver on
 * the active editor, and redraws its underline marks (in its closed shadow root) in that microtask;
 * the browser paints them in the next frame together with the typed character. Per keystroke (a
 * keydown Playwright sends through the DevTools protocol, so it enters Chromium's input pipeline
 * like a real key press), measured from the keydown's event timestamp:
 *  (A) to highlight updated in the DOM: a page observer on the editor queues a microtask from its
 *      callback and takes performance.now() there. Chromium delivers mutation records to observers
 *      in the order they were created, and the guard's was created at document_start, before any
 *      page script's, so within one delivery the guard's callback queues its render first and the
 *      page's microtask runs after the render. With the native `input` event the guard queues the
 *      render from its listener, which also runs before that delivery. Verified once with a
 *      throwaway probe (not kept), Chromium 156, 40 keys each into an empty composer and after a
 *      301-character draft (where no `input` event fires): the page paused on `debugger` in the
 *      page observer's callback and again in its microtask, and at each pause the guard's `.mark`
 *      boxes were counted through CDP DOM.getDocument({ pierce: true }). Every change in the count
 *      (a name completed or broken) was already there at the microtask and never at the callback.
 *      The "guard's check" column (page callback → page microtask: ≈ 0 without the extension) is
 *      the same render timed in every run, and (A) with the extension exceeds (A) without by
 *      about that much.
 *  (B) to the end of the main-thread work of the frame after that update (a requestAnimationFrame
 *      callback asked for from the microtask, then a MessageChannel message, which runs once the
 *      frame's style, layout and paint recording are done). This includes waiting for the next
 *      vsync (up to 16.7 ms at 60 Hz), which no page can avoid and the baseline pays too.
 * The same typing is measured without the extension (baseline) in the same run, the two browsers'
 * passes interleaved. Two drafts: a post typed into an empty composer, and the same post typed after
 * a 2,000-character draft, where Draft.js inserts every character itself and no `input` event fires:
 * the guard has only its MutationObserver to go on there. The benchmark dispatches nothing; it
 * counts the guard's underline boxes through the DevTools protocol before typing, after the
 * draft's first pupil names (typed before the first character Playwright has to insert as text,
 * which could bring an `input` event) and at the end.
 *
 * Environment: BENCH_DELAY (ms between keys, default 30), BENCH_PASSES (drafts typed per scenario,
 * default 2), BENCH_KEEP_CSV=1 keeps the generated roster and prints its path.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { buildXFixture } from '../tests/e2e/support/build-x-fixture';
import { CHROMIUM_EXECUTABLE, launchChromium, launchChromiumWithExtension, type ChromiumSession } from '../tests/e2e/support/chromium';
import { importRosterThroughOptions } from '../tests/e2e/support/extension-setup';
import { guardPanelText } from '../tests/e2e/support/guard-panel';
import { CHROME_BUILD } from '../tests/e2e/support/guarded-browser';
import { composerScope, gotoXHome } from '../tests/e2e/support/x-fixture-page';
import { startXServer, type XServer } from '../tests/e2e/support/x-server';
import { benchReplyScrolling } from './bench-replies';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PUPILS = 2_000;
const CLASS_SIZE = 30;
const DRAFT_LENGTH = 280;
const LONG_DRAFT_LENGTH = 2_000;
const TARGET_P95_MS = 16;
const BUNDLE_BUDGET_BYTES = 40 * 1024;
const KEY_DELAY_MS = Number(process.env.BENCH_DELAY ?? 30);
const PASSES = Math.max(1, Number(process.env.BENCH_PASSES ?? 2));

// ---------------------------------------------------------------------------------------------
// A 2,000-pupil roster of fictional pupils

/** Seeded (LCG), so every run types against the same school. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Forenames as they turn up in English primary schools; some are ordinary words, some accented. */
const FORENAMES = [
  'Amelia', 'Olivia', 'Isla', 'Ava', 'Mia', 'Lily', 'Isabella', 'Sophia', 'Freya', 'Florence', 'Emily', 'Ella',
  'Evie', 'Elsie', 'Charlotte', 'Evelyn', 'Sienna', 'Harper', 'Matilda', 'Alice', 'Sofia', 'Millie', 'Eleanor',
  'Elizabeth', 'Katherine', 'Victoria', 'Margaret', 'Maeve', 'Aoife', 'Niamh', 'Siobhán', 'Zoë', 'Chloé', 'Anaïs',
  'Noémie', 'Renée', 'Léa', 'Inès', 'Maja', 'Zuzanna', 'Oliwia', 'Amara', 'Aaliyah', 'Maryam', 'Fatima', 'Aisha',
  'Zainab', 'Hafsa', 'Ayesha', 'Priya', 'Anika', 'Saanvi', 'Mei', 'Yuki', 'Ngozi', 'Chiamaka', 'Adaeze', 'Björk',
  // ordinary words
  'Grace', 'Hope', 'Rose', 'May', 'Summer', 'Holly', 'Joy', 'Faith', 'Autumn', 'Ruby', 'Daisy', 'Poppy', 'Ivy',
  'Willow', 'Hazel', 'Iris', 'Violet', 'Pearl', 'Skye',
  'Muhammad', 'Noah', 'Oliver', 'George', 'Leo', 'Arthur', 'Oscar', 'Theodore', 'Frederick', 'Harry', 'Archie',
  'Henry', 'Charlie', 'Finley', 'Alfie', 'Thomas', 'Jacob', 'William', 'Lucas', 'Isaac', 'Albie', 'Reuben', 'Ezra',
  'Hugo', 'Rory', 'Ronan', 'Oisín', 'Seán', 'Cian', 'Tadhg', 'Eoin', 'Jakub', 'Szymon', 'Mateusz', 'Kacper',
  'Omar', 'Yusuf', 'Ibrahim', 'Ayaan', 'Arjun', 'Rohan', 'Kai', 'Tomás', 'José', 'André', 'Joël', 'Søren',
  'Alexander', 'Samuel', 'Benjamin', 'Joseph', 'Zain', 'Kwame', 'Kofi', 'Chidi', 'Emeka', 'Dexter', 'Miles',
  // ordinary words
  'Jack', 'Will', 'Mason', 'Hunter', 'River', 'Bear', 'Sonny', 'Frank', 'Reed', 'Jay', 'Rocco', 'Austin',
];

const SURNAMES = [
  'Smith', 'Jones', 'Williams', 'Taylor', 'Davies', 'Evans', 'Thomas', 'Johnson', 'Roberts', 'Walker', 'Wright',
  'Robinson', 'Thompson', 'White', 'Hughes', 'Edwards', 'Hall', 'Harris', 'Lewis', 'Martin', 'Jackson', 'Clarke',
  'Turner', 'Hill', 'Scott', 'Cooper', 'Morris', 'Ward', 'Moore', 'Watson', 'Harrison', 'Morgan', 'Patel', 'Allen',
  'Mitchell', 'James', 'Anderson', 'Phillips', 'Lee', 'Parker', 'Davis', 'Khan', 'Begum', 'Ahmed', 'Hussain',
  'Ali', 'Shah', 'Singh', 'Kaur', 'Sharma', 'Chowdhury', 'Rahman', 'Nowak', 'Kowalski', 'Wiśniewska', 'Wójcik',
  'Lewandowski', 'Kamińska', 'Ó Súilleabháin', "O'Brien", "O'Connor", 'Ní Bhriain', 'McCarthy', 'Murphy', 'Byrne',
  'Nguyễn', 'Tran', 'Chen', 'Wang', 'Okafor', 'Adeyemi', 'Mensah', 'Okonkwo', 'Osei', 'Dubois', 'Lefèvre',
  'Müller', 'Schäfer', 'García', 'Fernández', 'Núñez', 'Gonçalves', 'Silva', 'Rossi', 'Smith-Jones', 'Ahmed-Khan',
  'Van der Berg', 'De Souza', 'Fitzgerald', 'Andersson', 'Jensen', 'Papadopoulos', 'Yılmaz', 'Kovač', 'Horvát',
  // ordinary words
  'Brown', 'Green', 'King', 'Young', 'Wood', 'Stone', 'Fox', 'Marsh', 'Knight', 'Price', 'Cook', 'Baker', 'Bell',
  'Little', 'Long', 'Day', 'Field', 'Sharp', 'Moss', 'Lamb', 'Bird', 'Shepherd', 'Bishop', 'Frost', 'Winter',
  'Rich', 'Hope', 'Page', 'Street', 'Rivers', 'Banks', 'Hart', 'Gray', 'Cross', 'Snow', 'Lake',
];

/** The name staff use day to day, for some pupils: "Known as". */
const KNOWN_AS: Readonly<Record<string, readonly string[]>> = {
  William: ['Will', 'Billy'], Thomas: ['Tom', 'Tommy'], Alexander: ['Alex', 'Xander'], Elizabeth: ['Lizzie', 'Beth'],
  Samuel: ['Sam', 'Sammy'], Oliver: ['Ollie'], Isabella: ['Bella', 'Izzy'], Charlotte: ['Lottie'], Matilda: ['Tilly'],
  Theodore: ['Teddy', 'Theo'], Frederick: ['Freddie', 'Fred'], Katherine: ['Kate', 'Kitty'], Benjamin: ['Ben'],
  Joseph: ['Joe'], Jacob: ['Jake'], Muhammad: ['Mo'], Margaret: ['Maggie', 'Peggy'], Florence: ['Flo'],
  Eleanor: ['Ellie', 'Nell'], Victoria: ['Tori'], Archie: ['Arch'], Alfie: ['Alf'],
};

/** 67 classes of 30 (the last smaller): a large federation's worth, named as primaries name them. */
const CLASS_NAMES = [
  'Acorns', 'Badgers', 'Bluebells', 'Buzzards', 'Cedars', 'Chestnuts', 'Conkers', 'Cygnets', 'Dolphins', 'Dragonflies',
  'Eagles', 'Elms', 'Falcons', 'Ferns', 'Foxgloves', 'Goldfinches', 'Hawthorns', 'Hazels', 'Hedgehogs', 'Herons',
  'Hollies', 'Hornbeams', 'Kestrels', 'Kingfishers', 'Larches', 'Ladybirds', 'Lapwings', 'Limes', 'Magpies', 'Maples',
  'Merlins', 'Nightingales', 'Oaks', 'Otters', 'Owls', 'Peregrines', 'Pines', 'Puffins', 'Ravens', 'Robins',
  'Rowans', 'Seahorses', 'Skylarks', 'Sparrows', 'Squirrels', 'Starlings', 'Swallows', 'Swifts', 'Sycamores',
  'Thrushes', 'Wagtails', 'Walnuts', 'Wrens', 'Yews', 'Beeches', 'Alders', 'Birches', 'Cherries', 'Hares', 'Voles',
  'Moles', 'Ospreys', 'Curlews', 'Plovers', 'Avocets', 'Dunnocks', 'Linnets',
];

interface GeneratedPupil {
  forename: string;
  knownAs: string;
  surname: string;
  className: string;
  photoConsent: boolean;
}

function generateRoster(size: number): GeneratedPupil[] {
  const next = seededRandom(20_240_905);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const taken = new Set<string>();
  const pupils: GeneratedPupil[] = [];
  while (pupils.length < size) {
    const forename = pick(FORENAMES);
    // A double-barrelled surname now and then.
    const surname = next() < 0.04 ? `${pick(SURNAMES)}-${pick(SURNAMES)}` : pick(SURNAMES);
    const key = `${forename} ${surname}`;
    if (taken.has(key)) continue;
    taken.add(key);
    const nicknames = KNOWN_AS[forename];
    const className = CLASS_NAMES[Math.floor(pupils.length / CLASS_SIZE)];
    if (className === undefined) throw new Error(`Only ${CLASS_NAMES.length} class names for ${size} pupils in classes of ${CLASS_SIZE}`);
    pupils.push({
      forename,
      knownAs: nicknames !== undefined && next() < 0.6 ? pick(nicknames) : '',
      surname,
      className,
      photoConsent: next() > 0.08,
    });
  }
  return pupils;
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function rosterCsv(pupils: readonly GeneratedPupil[]): string {
  const rows = pupils.map((pupil) => [pupil.forename, pupil.knownAs, pupil.surname, pupil.className, pupil.photoConsent ? 'Yes' : 'No'].map(csvCell).join(','));
  return ['First name,Known as,Surname,Class,Photo consent', ...rows].join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------
// Drafts

/** `text` cut to at most `length` characters at the end of a word, finished with a full stop. */
function fitTo(length: number, text: string): string {
  const cut = text.slice(0, length);
  const words = cut.length < text.length ? cut.slice(0, cut.lastIndexOf(' ')) : cut;
  return `${words.replace(/[\s,.;:!?]+$/, '')}.`;
}

interface Drafts {
  className: string;
  /** A post of (at most) 280 characters, typed key by key. */
  short: string;
  /** A draft of (at most) 2,000 characters already in the editor before typing starts. */
  long: string;
  names: string[];
}

function makeDrafts(pupils: readonly GeneratedPupil[]): Drafts {
  // A class with a pupil known by another name, an accented name and an ordinary one.
  const className = 'Kestrels';
  const inClass = pupils.filter((pupil) => pupil.className === className);
  const accented = inClass.find((pupil) => /[^\x20-\x7e]/.test(pupil.forename + pupil.surname)) ?? inClass[0];
  const knownAs = inClass.find((pupil) => pupil.knownAs !== '' && pupil !== accented) ?? inClass[1];
  const plain = inClass.find((pupil) => pupil !== accented && pupil !== knownAs && /^[A-Za-z]+$/.test(pupil.forename + pupil.surname)) ?? inClass[2];
  if (!accented || !knownAs || !plain) throw new Error(`Class ${className} is too small for the drafts`);
  const names = [`${plain.forename} ${plain.surname}`, knownAs.knownAs || knownAs.forename, `${accented.forename} ${accented.surname}`];
  const [first, second, third] = names as [string, string, string];
  const short = fitTo(
    DRAFT_LENGTH,
    `${className}: What a morning! ${first} and ${second} led our assembly on kindness, then ${third} read a poem about the river walk. ` +
      'Thank you to every family who came to watch, the children were so proud to show what they have learned this term. ' +
      'More photos on the blog on Friday, and see you all at sports day. Well done, everyone!',
  );
  const paragraph =
    'This week in class we have been learning about rivers: where they start, how they carve valleys and why towns grew up beside them. ' +
    `On Tuesday we walked down to the ford and measured how fast the water was flowing with a stopwatch and an orange. ${first} kept the times, ` +
    'and everyone sketched the bridge for our art display. In maths we have been working on fractions of amounts, and in PE we have started netball. ';
  const long = fitTo(LONG_DRAFT_LENGTH, `${className}: ${paragraph.repeat(Math.ceil(LONG_DRAFT_LENGTH / paragraph.length) + 1)}`);
  return { className, short, long, names };
}

// ---------------------------------------------------------------------------------------------
// The in-page probe (main world, plain JavaScript: it is sent to the page as source text)

const EDITOR = '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]';

/**
 * One sample per keydown, open until its keyup (so characters Playwright inserts without a key,
 * such as é, are not counted against the key before them). Every mutation delivery on the editor
 * while a sample is open moves its (A) and (B) to after that delivery: the last one wins.
 */
const PROBE_SOURCE = `(() => {
  const editor = document.querySelector(${JSON.stringify(EDITOR)});
  const probe = { samples: [], open: null };
  window.__benchProbe = probe;
  addEventListener('keydown', (event) => {
    probe.open = { t0: event.timeStamp, t0Absolute: performance.timeOrigin + event.timeStamp, observed: NaN, updated: NaN, frameDone: NaN, deliveries: 0, input: false };
    probe.samples.push(probe.open);
  }, true);
  addEventListener('keyup', () => { probe.open = null; }, true);
  addEventListener('input', () => { if (probe.open) probe.open.input = true; }, true);
  // Created after the content script's observer, so its callback runs after the guard's.
  new MutationObserver(() => {
    const sample = probe.open;
    if (!sample) return;
    const observed = performance.now();
    const delivery = ++sample.deliveries;
    queueMicrotask(() => {
      sample.observed = observed;
      sample.updated = performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          if (sample.deliveries === delivery) sample.frameDone = performance.now();
          channel.port1.close();
        };
        channel.port2.postMessage(0);
      });
    });
  }).observe(editor, { subtree: true, childList: true, characterData: true });
})()`;

interface ProbeSample {
  t0: number;
  /** The same instant on the clock every process shares (time origin + timestamp), to compare with the marks frame's. */
  t0Absolute: number;
  /** The page observer's callback: after the guard's callback, before the guard's render. */
  observed: number;
  /** The microtask the page observer queued: after the guard's render. */
  updated: number;
  frameDone: number;
  deliveries: number;
  /** A native `input` event fired (not when Draft.js inserted the character itself). */
  input: boolean;
}

// ---------------------------------------------------------------------------------------------
// Typing

interface Keystroke {
  /** (A) keydown timestamp → highlight updated in the DOM (after the guard's render, if any). */
  toHighlight: number;
  /** (B) keydown timestamp → end of the main-thread work of the frame after that update. */
  toFrame: number;
  /** The page observer's callback → its microtask: the guard's check and redraw (≈ 0 without it). */
  guardCheck: number;
  /**
   * (A) with the guard: keydown → the marks redrawn inside their extension-origin frame (NaN
   * without the extension, and for keys after which the frame had no boxes to draw).
   */
  toMarksFrame: number;
  input: boolean;
}

interface RunResult {
  keystrokes: Keystroke[];
  /** keydowns Playwright sent (characters without a key on its US layout are inserted without one). */
  keydowns: number;
  /** Underline boxes before typing, after the draft's head (see splitDraft) and at the end. */
  marksBefore: number;
  marksAfterHead: number;
  marks: number;
  panel: string;
}

async function editorText(page: Page): Promise<string> {
  return page.locator(EDITOR).evaluate((element) => (element as HTMLElement).innerText.replace(/\n$/, ''));
}

const ON_US_LAYOUT = /^[\x20-\x7e]$/;

/** Keydowns that Playwright will send for `text`: characters on its US layout. */
function keydownsFor(text: string): number {
  return [...text].filter((character) => ON_US_LAYOUT.test(character)).length;
}

/**
 * The draft up to its first character Playwright must insert as text (which could bring an
 * `input` event), and the rest: marks that appear during the head on the long draft were drawn on
 * the guard's MutationObserver alone.
 */
function splitDraft(draft: string): [string, string] {
  const characters = [...draft];
  const cut = characters.findIndex((character) => !ON_US_LAYOUT.test(character));
  if (cut < 0) return [draft, ''];
  return [characters.slice(0, cut).join(''), characters.slice(cut).join('')];
}

interface Scenario {
  name: string;
  /** Text in the editor before the measured typing starts. */
  prefill: string;
}

async function typeAndMeasure(session: ChromiumSession, scenario: Scenario, draft: string): Promise<RunResult> {
  const page = await session.page();
  await gotoXHome(page);
  const editor = composerScope(page, 'inline').locator('[data-testid="tweetTextarea_0"]');
  await editor.click();
  // Warm up (the first keystrokes compile code on both sides), then start from the prefill.
  await page.keyboard.type('Warming up the editor', { delay: KEY_DELAY_MS });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  if (scenario.prefill !== '') {
    await page.keyboard.insertText(scenario.prefill);
    await page.keyboard.press('Control+End');
  }
  await page.waitForTimeout(500);
  const marksBefore = (await guardMarks(page)).marks;
  await page.evaluate(PROBE_SOURCE);
  // In the guard's marks frame (an extension page, out of the x.com page's reach): when it redraws.
  const marksFrame = page.frames().find((frame) => MARKS_FRAME.test(frame.url()));
  await marksFrame?.evaluate(() => {
    const drawn: number[] = [];
    (window as unknown as { __benchDrawn: number[] }).__benchDrawn = drawn;
    new MutationObserver(() => drawn.push(performance.timeOrigin + performance.now())).observe(document.body, { childList: true });
  });
  const [head, tail] = splitDraft(draft);
  await page.keyboard.type(head, { delay: KEY_DELAY_MS });
  const marksAfterHead = (await guardMarks(page)).marks;
  await page.keyboard.type(tail, { delay: KEY_DELAY_MS });
  await page.waitForTimeout(500);
  const samples = (await page.evaluate('window.__benchProbe.samples')) as ProbeSample[];
  const drawn = ((await marksFrame?.evaluate(() => (window as unknown as { __benchDrawn: number[] }).__benchDrawn)) ?? []).sort((a, b) => a - b);
  /** The first redraw of the marks frame after this keydown and before the next one. */
  const redrawAfter = (index: number): number => {
    const from = samples[index]?.t0Absolute ?? Infinity;
    const until = samples[index + 1]?.t0Absolute ?? Infinity;
    const at = drawn.find((time) => time >= from && time < until);
    return at === undefined ? NaN : at - from;
  };
  const text = await editorText(page);
  const expected = scenario.prefill + draft;
  if (text !== expected) throw new Error(`The editor holds ${text.length} characters, not the ${expected.length} typed: "…${text.slice(-80)}"`);
  const keystrokes = samples
    .map((sample, index) => ({ sample, toMarksFrame: redrawAfter(index) }))
    .filter(({ sample }) => !Number.isNaN(sample.frameDone))
    .map(({ sample, toMarksFrame }): Keystroke => ({
      toMarksFrame,
      toHighlight: sample.updated - sample.t0,
      toFrame: sample.frameDone - sample.t0,
      guardCheck: sample.updated - sample.observed,
      input: sample.input,
    }));
  const { marks, panel } = await guardMarks(page);
  await page.close();
  return { keystrokes, keydowns: keydownsFor(draft), marksBefore, marksAfterHead, marks, panel };
}

const MARKS_FRAME = /^chrome-extension:\/\/[^/]+\/src\/panel\/marks\.html/;

/** Underline boxes (not the held Post buttons' outlines) in the guard's marks frame. */
async function guardMarks(page: Page): Promise<{ marks: number; panel: string }> {
  const frame = page.frames().find((candidate) => MARKS_FRAME.test(candidate.url()));
  const marks = (await frame?.evaluate(() => document.querySelectorAll('.mark:not([data-kind="held"])').length)) ?? 0;
  return { marks, panel: await guardPanelText(page) };
}


// ---------------------------------------------------------------------------------------------
// Statistics and reporting

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

interface Spread {
  p50: number;
  p95: number;
  max: number;
}

function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? NaN };
}

interface Summary {
  count: number;
  keydowns: number;
  /** Keystrokes that fired no native `input` event: Draft.js inserted the character itself. */
  withoutInput: number;
  toHighlight: Spread;
  toFrame: Spread;
  guardCheck: Spread;
  /** Keys after which the marks frame redrew, and how long that took. */
  redrawn: number;
  toMarksFrame: Spread;
  /** The guard's check on the keystrokes without an `input` event only. */
  guardCheckWithoutInput: Spread;
}

function summarise(runs: readonly RunResult[]): Summary {
  const keystrokes = runs.flatMap((run) => run.keystrokes);
  return {
    count: keystrokes.length,
    keydowns: runs.reduce((sum, run) => sum + run.keydowns, 0),
    withoutInput: keystrokes.filter((k) => !k.input).length,
    toHighlight: spread(keystrokes.map((k) => k.toHighlight)),
    toFrame: spread(keystrokes.map((k) => k.toFrame)),
    redrawn: keystrokes.filter((k) => !Number.isNaN(k.toMarksFrame)).length,
    toMarksFrame: spread(keystrokes.map((k) => k.toMarksFrame).filter((value) => !Number.isNaN(value))),
    guardCheck: spread(keystrokes.map((k) => k.guardCheck)),
    guardCheckWithoutInput: spread(keystrokes.filter((k) => !k.input).map((k) => k.guardCheck)),
  };
}

const ms = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(1));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const spreadMs = ({ p50, p95, max }: Spread) => `${ms(p50)} / ${ms(p95)} / ${ms(max)}`;
const added = (withGuard: number, without: number) => `${withGuard - without >= 0 ? '+' : ''}${ms(withGuard - without)} ms, ×${(withGuard / without).toFixed(2)}`;

function loadAverage(): string {
  const [one, five, fifteen] = loadavg().map((value) => value.toFixed(2));
  return `load average ${one} / ${five} / ${fifteen} (1 / 5 / 15 min) on ${cpus().length} CPUs`;
}

// ---------------------------------------------------------------------------------------------
// Bundle size

function ensureBuild(): void {
  if (existsSync(join(CHROME_BUILD, 'manifest.json'))) return;
  console.log('dist/chrome is missing: running npm run build…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed');
}

/**
 * The content scripts the built manifest loads (main.js and main-world.js), raw and gzipped. The
 * budget is the isolated-world script's (tests/e2e/build-output.test.ts enforces it); the total is
 * what every X page loads.
 */
function bundleTable(): string {
  const manifest = JSON.parse(readFileSync(join(CHROME_BUILD, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[]; world?: string }[] };
  const rows: string[] = [];
  let total = 0;
  let totalRaw = 0;
  const seen = new Set<string>();
  for (const script of manifest.content_scripts ?? []) {
    for (const file of script.js ?? []) {
      if (seen.has(file)) continue;
      seen.add(file);
      const bytes = readFileSync(join(CHROME_BUILD, file));
      const gzipped = gzipSync(bytes, { level: 9 }).length;
      total += gzipped;
      totalRaw += bytes.length;
      const budget = script.world === 'MAIN' ? '' : ` (budget ≤ ${kb(BUNDLE_BUDGET_BYTES)}: **${gzipped <= BUNDLE_BUDGET_BYTES ? 'met' : 'NOT met'}**)`;
      rows.push(`| \`dist/chrome/${file}\`${budget} | ${kb(bytes.length)} | ${kb(gzipped)} |`);
    }
  }
  rows.push(`| **Total** loaded by every X page | ${kb(totalRaw)} | **${kb(total)}** |`);
  const built = statSync(join(CHROME_BUILD, 'manifest.json')).mtime.toISOString().replace(/\.\d+Z$/, 'Z');
  return ['| Content script | Minified | Gzipped (level 9) |', '|---|---:|---:|', ...rows, '', `(dist/chrome built ${built})`].join('\n');
}

// ---------------------------------------------------------------------------------------------

type Results = Map<Scenario, RunResult[]>;

/**
 * Both browsers open at once, their passes interleaved (baseline, guarded, baseline, …) so that a
 * shared machine's changing load falls on both alike.
 */
async function measure(sessions: Record<'baseline' | 'guarded', ChromiumSession>, scenarios: readonly Scenario[], draft: string): Promise<Record<'baseline' | 'guarded', Results>> {
  const results: Record<'baseline' | 'guarded', Results> = { baseline: new Map(), guarded: new Map() };
  for (const scenario of scenarios) {
    for (let pass = 0; pass < PASSES; pass++) {
      for (const label of ['baseline', 'guarded'] as const) {
        const run = await typeAndMeasure(sessions[label], scenario, draft);
        console.log(`  ${label} · ${scenario.name} · pass ${pass + 1}: ${run.keystrokes.length} of ${run.keydowns} keystrokes measured, underline boxes ${run.marksBefore} before / ${run.marksAfterHead} after the head / ${run.marks} at the end; ${loadAverage()}`);
        results[label].set(scenario, [...(results[label].get(scenario) ?? []), run]);
      }
    }
  }
  return results;
}

async function launchGuarded(server: XServer, csvPath: string): Promise<ChromiumSession> {
  const session = await launchChromiumWithExtension({ extensionDir: CHROME_BUILD, server });
  try {
    await importRosterThroughOptions(session.context, session.extensionOrigin, csvPath);
  } catch (error) {
    await session.close();
    throw error;
  }
  return session;
}

function chromiumVersion(): string {
  const result = spawnSync(CHROMIUM_EXECUTABLE, ['--version'], { encoding: 'utf8' });
  return /\d+(?:\.\d+)+/.exec(result.stdout ?? '')?.[0] ?? 'unknown';
}


async function main(): Promise<void> {
  const started = Date.now();
  const startLoad = loadAverage();
  console.log(`Start: ${startLoad}`);
  ensureBuild();
  const bundle = bundleTable();
  await buildXFixture();

  const pupils = generateRoster(PUPILS);
  const drafts = makeDrafts(pupils);
  const workDir = await mkdtemp(join(tmpdir(), 'spg-bench-'));
  const csvPath = join(workDir, 'roster-2000.csv');
  await writeFile(csvPath, rosterCsv(pupils), 'utf8');
  console.log(`Roster: ${pupils.length} fictional pupils in ${new Set(pupils.map((p) => p.className)).size} classes of ${CLASS_SIZE} (${csvPath})`);
  console.log(`Draft (${drafts.short.length} characters; pupils ${drafts.names.join(', ')}): ${drafts.short}`);

  const scenarios: Scenario[] = [
    { name: `${drafts.short.length}-character post typed into an empty composer`, prefill: '' },
    { name: `the same typed after ${drafts.long.length.toLocaleString('en-GB')} characters already in the editor`, prefill: `${drafts.long} ` },
  ];
  const server = await startXServer();
  let baseline: Results;
  let guarded: Results;
  let replies: Awaited<ReturnType<typeof benchReplyScrolling>>;
  try {
    console.log(`Chromium without the extension (baseline) and with dist/chrome and the ${PUPILS.toLocaleString('en-GB')}-pupil roster imported through the options page (guarded)`);
    const withoutExtension = await launchChromium({ server });
    try {
      const withExtension = await launchGuarded(server, csvPath);
      try {
        ({ baseline, guarded } = await measure({ baseline: withoutExtension, guarded: withExtension }, scenarios, drafts.short));
        replies = await benchReplyScrolling({ baseline: withoutExtension, guarded: withExtension });
      } finally {
        await withExtension.close();
      }
    } finally {
      await withoutExtension.close();
    }
  } finally {
    await server.close();
    if (process.env.BENCH_KEEP_CSV === '1') console.log(`Kept ${csvPath}`);
    else await rm(workDir, { recursive: true, force: true });
  }

  // Sanity: (nearly) every keystroke measured, highlights drawn with the guard (also while typing
  // the head, before any `input` event on the long draft) and none without.
  const problems: string[] = [...replies.problems];
  for (const [label, results] of [['baseline', baseline], ['guarded', guarded]] as const) {
    for (const [scenario, runs] of results) {
      for (const run of runs) {
        if (run.keystrokes.length < run.keydowns * 0.98) problems.push(`${label}, ${scenario.name}: only ${run.keystrokes.length} of ${run.keydowns} keystrokes measured`);
        if (label === 'guarded' && run.marks < drafts.names.length) problems.push(`guarded, ${scenario.name}: ${run.marks} underline boxes for ${drafts.names.length} pupils named (panel: "${run.panel}")`);
        if (label === 'guarded' && run.marksAfterHead <= run.marksBefore) problems.push(`guarded, ${scenario.name}: no new underline box while typing the draft's head (${run.marksBefore} before, ${run.marksAfterHead} after)`);
        if (label === 'baseline' && run.marksBefore + run.marksAfterHead + run.marks !== 0) problems.push(`baseline, ${scenario.name}: underline boxes without the extension`);
      }
    }
  }

  const table = [
    '| Draft | Extension | Keystrokes (no `input` event) | (A) key → marks redrawn in their frame p50 / p95 / max (keys) | (A₀) key → guard’s check done p50 / p95 / max | Guard’s check p50 / p95 | (B) key → page frame done p50 / p95 / max | Underline boxes before / after head / end |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  const verdicts: string[] = [];
  for (const scenario of scenarios) {
    const without = summarise(baseline.get(scenario) ?? []);
    const withGuard = summarise(guarded.get(scenario) ?? []);
    for (const [label, summary, runs] of [['none (baseline)', without, baseline.get(scenario) ?? []], ['School Post Guard', withGuard, guarded.get(scenario) ?? []]] as const) {
      const boxes = (pick: (run: RunResult) => number) => runs.map(pick).join(', ');
      table.push(
        `| ${scenario.name} | ${label} | ${summary.count} (${summary.withoutInput}) | ${summary.redrawn > 0 ? `${spreadMs(summary.toMarksFrame)} (${summary.redrawn})` : '–'} | ${spreadMs(summary.toHighlight)} | ${ms(summary.guardCheck.p50)} / ${ms(summary.guardCheck.p95)} | ` +
          `${spreadMs(summary.toFrame)} | ${boxes((run) => run.marksBefore)} / ${boxes((run) => run.marksAfterHead)} / ${boxes((run) => run.marks)} |`,
      );
    }
    const met = withGuard.toMarksFrame.p95 <= TARGET_P95_MS;
    verdicts.push(
      `- ${scenario.name}: (A) p95 **${ms(withGuard.toMarksFrame.p95)} ms** (keys after which the marks frame redrew: ${withGuard.redrawn} of ${withGuard.count}); ` +
        `(A₀) p95 ${ms(withGuard.toHighlight.p95)} ms with the guard, ${ms(without.toHighlight.p95)} ms without (${added(withGuard.toHighlight.p95, without.toHighlight.p95)}); ` +
        `(B) p95 ${ms(withGuard.toFrame.p95)} ms vs ${ms(without.toFrame.p95)} ms (${added(withGuard.toFrame.p95, without.toFrame.p95)}). ` +
        `Target p95 ≤ ${TARGET_P95_MS} ms on (A): **${met ? 'met' : 'NOT met'}**.`,
    );
    if (withGuard.redrawn < withGuard.count / 2) problems.push(`${scenario.name}: the marks frame redrew after only ${withGuard.redrawn} of ${withGuard.count} keys`);
    if (withGuard.guardCheck.p50 <= without.guardCheck.p95) problems.push(`${scenario.name}: the guard's check (p50 ${ms(withGuard.guardCheck.p50)} ms) is no longer than the baseline's empty microtask (p95 ${ms(without.guardCheck.p95)} ms); was the guard running?`);
    if (withGuard.withoutInput > 0 && withGuard.guardCheckWithoutInput.p50 <= without.guardCheck.p95) problems.push(`${scenario.name}: on the ${withGuard.withoutInput} keystrokes without an \`input\` event the guard's check (p50 ${ms(withGuard.guardCheckWithoutInput.p50)} ms) looks absent`);
    if (withGuard.toHighlight.p50 <= without.toHighlight.p50) problems.push(`${scenario.name}: (A) p50 is no higher with the guard than without; the measurement may be missing the guard's work`);
  }

  const out = [
    '',
    `### Keystroke → updated highlight: Chromium ${chromiumVersion()} (headless), ${PUPILS.toLocaleString('en-GB')}-pupil roster, a key every ${KEY_DELAY_MS} ms (ms)`,
    '',
    ...table,
    '',
    ...verdicts,
    '',
    '(A) keydown → the underlines redrawn in the DOM of their extension-origin frame (a MutationObserver placed in that frame by the benchmark, its time and the keydown’s compared on the clock both processes share, time origin + timestamp; only keys after which the frame had boxes to draw count). This is the issue’s “keystroke → updated highlight”.',
    '(A₀) keydown → the guard’s check done and the new boxes sent to the frame (a page MutationObserver created after the guard’s queues a microtask that runs after the guard’s render; without the extension, the text change alone).',
    '(B) keydown → end of the main-thread work of the next frame (style, layout, paint recording): includes the wait for vsync (up to 16.7 ms at 60 Hz) that no page can avoid, so it is reported but not held to the target.',
    'Guard’s check: the page observer’s callback → its microtask, i.e. the guard’s check and redraw. “No `input` event”: keys Draft.js inserted itself; the guard saw them through its MutationObserver only, the benchmark dispatches nothing. Underline boxes: counted through the DevTools protocol (pierce) per pass, before typing, after the draft up to its first non-US-layout character, and at the end.',
    `${PASSES} passes per row after a warm-up, with and without the extension interleaved; characters without a key on the US layout (é, ñ…) are inserted as text and not counted.`,
    '',
    ...replies.markdown,
    '',
    '### Content-script bundle',
    '',
    bundle,
    '',
    `Machine load: ${startLoad} at the start, ${loadAverage()} at the end. Took ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  ];
  console.log(out.join('\n'));
  if (problems.length > 0) {
    console.log('\nSanity checks that FAILED (the figures above are suspect):');
    for (const problem of problems) console.log(`- ${problem}`);
  } else {
    console.log('\nSanity checks passed: every keystroke measured, the guard checked on every keystroke (with or without an `input` event), underlined the pupils named while typing and at the end, and the baseline drew nothing.');
  }
}

await main();
