/**
 * Photo checking in real Chromium with dist/chrome (the second half of `npm run bench:e2e`): 12-megapixel
 * phone photos (scripts/photo-test-set.ts, 4,000 × 3,000 JPEG) attached one after another to X's
 * composer, each timed from the file being chosen to the guard's panel no longer saying "Checking the
 * photo…" (the file's trip to the offscreen document, decoding, OCR with the text turned upright,
 * faces, and the answer back). The first photo also loads the models: its time less the warm median
 * is the cold start. Memory: the resident size of the extension's renderer processes added up (the
 * service worker and the extension frames; the offscreen document, cross-origin isolated, has a
 * process of its own), sampled every 100 ms from /proc (Linux), before the first photo and at its
 * peak, and the CPU time those processes used for each photo (all their threads). Markdown for the README.
 *
 * Two fresh browsers, one after the other, for the two ways staff meet the cold start: a photo
 * attached straight away (no warm-up: the file input set, as a paste or a drop would), and the photo
 * chosen through X's photo button (its file chooser opened, which starts the models loading, and the
 * file picked PICK_MS later, as a person takes to pick one), each photo timed from the file chosen.
 *
 * Environment: BENCH_PHOTOS (photos attached in each browser, default 6); BENCH_EXTENSION (another
 * build of the extension to measure, e.g. main's, for a before/after on the same machine; dist/chrome
 * by default).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestPhoto, PHONE_PHOTO_WIDTH } from './photo-test-set';
import { guardPanelText } from '../tests/e2e/support/guard-panel';
import { startGuardedBrowser } from '../tests/e2e/support/guarded-browser';
import { composerScope, gotoXHome, typeDraft } from '../tests/e2e/support/x-fixture-page';

const PHOTOS = Math.max(2, Number(process.env.BENCH_PHOTOS ?? 6));
const KINDS = ['certificate', 'book', 'label', 'badge', 'whiteboard'] as const;
const PUPILS: [string, string][] = [['Faith', 'Okonkwo'], ['Oliver', 'Bennett'], ['Poppy', 'Hughes'], ['Grace', 'Brown'], ['Kai', 'Bell'], ['Noor', 'Hussain']];
/** A person's time to pick a file once the chooser is open. */
const PICK_MS = 2500;
const WAYS = { attached: 'attached straight away (no warm-up)', chosen: `chosen through X's photo button, picked ${PICK_MS / 1000} s after the chooser opened` } as const;

/** CPU time the process has used, all its threads (the OCR's workers among them), in ms: less at the mercy of the machine's load than the wall clock. */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    // utime and stime, the 14th and 15th fields of the whole line, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

function residentKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // the process has just ended
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return ''; // the process has just ended
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;

const dir = await mkdtemp(join(tmpdir(), 'spg-bench-photos-'));
const extensionDir = process.env.BENCH_EXTENSION;

interface Measured {
  times: number[];
  cpu: number[];
  before: number;
  peak: number;
}

async function measure(way: keyof typeof WAYS): Promise<Measured> {
  const guarded = await startGuardedBrowser({ extensionDir });
  try {
    const page = await guarded.chromium.page();
    await gotoXHome(page);
    const inline = composerScope(page, 'inline');
    await typeDraft(inline, 'Year 5: Our week.');
    // The extension's renderers, looked up at each sample: the offscreen document's comes with the first photo.
    const cdp = await page.context().browser()!.newBrowserCDPSession();
    const extensionProcesses = async () => {
      const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
      return processInfo.filter((info) => info.type === 'renderer' && commandLine(info.id).includes('--extension-process')).map((info) => info.id);
    };
    const extensionResidentKb = async () => (await extensionProcesses()).reduce((total, pid) => total + residentKb(pid), 0);
    const extensionCpuMs = async () => (await extensionProcesses()).reduce((total, pid) => total + cpuMs(pid), 0);
    const before = await extensionResidentKb();
    let peak = before;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, await extensionResidentKb().catch(() => 0));
        await new Promise((resolveWait) => setTimeout(resolveWait, 100));
      }
    })();
    const times: number[] = [];
    const cpu: number[] = [];
    for (let index = 0; index < PHOTOS; index += 1) {
      const path = join(dir, `IMG_${3000 + index}.JPG`);
      await writeFile(path, makeTestPhoto(KINDS[index % KINDS.length] as (typeof KINDS)[number], PUPILS[index % PUPILS.length] as [string, string], index % 2 ? 'Roboto' : 'Caveat', 100 + index, PHONE_PHOTO_WIDTH).jpeg);
      let choose = () => inline.locator('input[data-testid="fileInput"]').setInputFiles(path);
      if (way === 'chosen') {
        const chooser = page.waitForEvent('filechooser');
        await inline.getByRole('button', { name: 'Add photos or video' }).click();
        const opened = await chooser;
        await new Promise((resolveWait) => setTimeout(resolveWait, PICK_MS));
        choose = () => opened.setFiles(path);
      }
      const cpuBefore = await extensionCpuMs();
      const started = performance.now();
      await choose();
      let panel = '';
      for (;;) {
        panel = await guardPanelText(page);
        if (/attachment-name|photo-consent|could not (open|finish)/.test(panel) && !/Checking the photo/.test(panel)) break;
        await new Promise((resolveWait) => setTimeout(resolveWait, 20));
      }
      times.push(performance.now() - started);
      cpu.push((await extensionCpuMs()) - cpuBefore);
      if (/could not (open|finish)/.test(panel)) throw new Error(`photo ${index + 1} could not be checked: ${panel}`);
      console.error(`${way}, photo ${index + 1}: ${seconds(times[index] as number)}, CPU ${seconds(cpu[index] as number)}${/attachment-name/.test(panel) ? ' (name found)' : ''}`);
      await inline.locator('[data-testid="removeMedia"]').click();
      await inline.locator('[data-testid="attachments"] [role="group"]').waitFor({ state: 'detached' });
    }
    sampling = false;
    await sampler;
    return { times, cpu, before, peak };
  } finally {
    await guarded.close();
  }
}

try {
  const loadAtStart = loadavg()[0]?.toFixed(1);
  const rows: string[] = [];
  for (const way of Object.keys(WAYS) as (keyof typeof WAYS)[]) {
    const { times, cpu, before, peak } = await measure(way);
    const warm = median(times.slice(1));
    rows.push(`| ${WAYS[way]} | ${seconds(times[0] as number)} | ${seconds((times[0] as number) - warm)} | ${seconds(warm)} (${seconds(Math.min(...times.slice(1)))}–${seconds(Math.max(...times.slice(1)))}) | ${seconds(median(cpu.slice(1)))} (${seconds(cpu[0] as number)}) | ${mb(before)} → ${mb(peak)} |`);
  }
  console.log(`From one run of the photo part of \`npm run bench:e2e\` (load average ${loadAtStart} at the start, ${loadavg()[0]?.toFixed(1)} at the end): Chromium headless, ${extensionDir ?? 'dist/chrome'}, ${PHOTOS} phone photos of ${PHONE_PHOTO_WIDTH} × ${PHONE_PHOTO_WIDTH * 0.75} px (JPEG, paperwork naming a pupil) attached one after another in each of two fresh browsers; each photo timed from the file chosen.\n`);
  console.log('| the first photo | first photo (models load) | cold start (first − warm median) | per photo, warm (median; min–max) | CPU per photo, warm (median; first) | extension processes before → peak |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
} finally {
  await rm(dir, { recursive: true, force: true });
}
