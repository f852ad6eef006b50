/**
 * What is written in an attached photo, in real Chromium with dist/chrome: the photo is read in the
 * extension's offscreen document (never in the page), the post is held while it is checked, a
 * certificate naming a pupil is blocked with what was read shown only inside the extension's frame,
 * and a photo with no text goes out once photo consent is confirmed; the blur tool's copy replaces
 * the original in the composer, and what X receives has no face the detector can find and no
 * location.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import exifr from 'exifr';
import { makeTestPhoto } from '../../scripts/photo-test-set';
import { analysePhotoFile } from '../../src/photo/node-photo-analysers';
import { pressInPanel, waitForPanel } from './support/guard-panel';
import { confirmPhotoConsentAndPost, expectNothingPosted, useGuardedHomePage, whileConsentChanged } from './support/guarded-browser';
import { damagedJpeg, hugeJpeg, jpegWithGps, plainJpeg } from './support/test-images';
import { composerScope, typeDraft } from './support/x-fixture-page';

const { guarded, page } = useGuardedHomePage();
const inline = () => composerScope(page(), 'inline');
/** The first photo loads the models (cold start); under a loaded CI machine that takes a while. */
const ANALYSIS_WAIT = 120_000;

let filesDir: string;
beforeAll(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'spg-photos-'));
});
afterAll(async () => {
  await rm(filesDir, { recursive: true, force: true });
});

async function attach(name: string, buffer: Buffer): Promise<void> {
  const path = join(filesDir, name);
  await writeFile(path, buffer);
  await inline().locator('input[data-testid="fileInput"]').setInputFiles(path);
  await inline().locator('[data-testid="attachments"] [role="group"]').first().waitFor();
}

/** The extension frame showing the attached photos; `not`: a frame other than that one (after the photo changed). */
async function photoFrame(page: Page, not?: string, timeout = 10_000) {
  const find = () => page.frames().find((frame) => frame.url().includes('/src/consent/') && frame.url().includes('photos=') && frame.url() !== not);
  await expect.poll(() => find() !== undefined, { timeout }).toBe(true);
  return find()!;
}

/**
 * Evaluates `expression` in the extension's offscreen document, through the browser's DevTools
 * protocol (Playwright does not list offscreen documents among a context's pages).
 */
async function inOffscreenDocument(page: Page, expression: string): Promise<unknown> {
  const cdp = await page.context().browser()!.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string }[] };
    const target = targetInfos.find((info) => info.url.includes('/src/offscreen/index.html'));
    if (!target) throw new Error('no offscreen document is open');
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
    const answer = new Promise<unknown>((resolveAnswer) => {
      cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
        const message = JSON.parse(event.message) as { id?: number; result?: { result: { value: unknown } } };
        if (event.sessionId === sessionId && message.id === 1) resolveAnswer(message.result?.result.value);
      });
    });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }) });
    return await answer;
  } finally {
    await cdp.detach();
  }
}

const demoPhoto = (file: string) => readFile(join(dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'demo', file));

describe('text in photos', () => {
  it('holds a certificate naming a pupil, showing the name only inside the extension frame', { timeout: 180_000 }, async () => {
    await typeDraft(inline(), 'Year 5: Our stars of the week!');
    // Faith Okonkwo is in Year 5 of the sample roster; the certificate is photographed at a slant.
    const { jpeg } = makeTestPhoto('certificate', ['Faith', 'Okonkwo'], 'Caveat', 7, 2400);
    await attach('IMG_2040.JPG', jpeg);
    expect(await waitForPanel(page(), /Checking the photo for names and faces/)).toBeTruthy();
    await inline().locator('[data-testid="tweetButtonInline"]').click();
    const panel = await waitForPanel(page(), /attachment-name/, ANALYSIS_WAIT);
    expect(panel).toMatch(/photo shows what looks like a pupil’s name/);
    expect(panel).not.toMatch(/Okonkwo/);

    const frame = await photoFrame(page());
    // Read in the photo, spaces as OCR found them (Faith is on the no-consent list above it too).
    await expect.poll(() => frame.locator('figure').innerText(), { timeout: 10_000 }).toMatch(/Faith ?Okonkwo/);
    expect(await frame.locator('.box.name').count()).toBeGreaterThan(0);
    // The blur tool offers every line read, all ticked, not only the name: blurred only where the
    // names are, the copy X receives would show it which text was a pupil's name.
    const nameTicks = frame.getByRole('checkbox', { name: /^Cover the name/ });
    const textTicks = frame.getByRole('checkbox', { name: /^Cover the text/ });
    expect(await nameTicks.count()).toBeGreaterThan(0);
    expect(await textTicks.count()).toBeGreaterThan(0);
    for (const tick of [...(await nameTicks.all()), ...(await textTicks.all())]) expect(await tick.isChecked()).toBe(true);
    const pageSees = await page().evaluate(() => [document.documentElement.outerHTML, JSON.stringify(localStorage), JSON.stringify(sessionStorage)].join('\n'));
    expect(pageSees).not.toMatch(/Okonkwo/);

    await inline().locator('[data-testid="tweetButtonInline"]').click();
    await expectNothingPosted(guarded().server);

    // The photo was read in a cross-origin isolated document, where onnxruntime has threads.
    expect(await inOffscreenDocument(page(), 'crossOriginIsolated && typeof SharedArrayBuffer')).toBe('function');
  });

  it('lets a photo with no text go out once photo consent is confirmed', { timeout: 180_000 }, async () => {
    await typeDraft(inline(), 'Year 5: Painting in the style of Kandinsky.');
    const { jpeg } = makeTestPhoto(null, ['', ''], '', 11, 2400);
    await attach('IMG_2041.JPG', jpeg);
    await waitForPanel(page(), /photo-consent/, ANALYSIS_WAIT);
    const frame = await photoFrame(page());
    await expect.poll(() => frame.locator('body').innerText(), { timeout: 10_000 }).toMatch(/No pupil’s name was read/);
    await inline().locator('[data-testid="tweetButtonInline"]').click();
    await waitForPanel(page(), /photo-consent/);
    await pressInPanel(page());
    await waitForPanel(page(), /Ready to post/);
    await inline().locator('[data-testid="tweetButtonInline"]').click();
    const posted = await guarded().server.waitForPosts(1);
    expect(posted[0]?.media.map((media) => media.name)).toEqual(['IMG_2041.JPG']);
  });

  it('counts and boxes the faces in a group photo, inside the extension frame', { timeout: 180_000 }, async () => {
    await typeDraft(inline(), 'Year 5: Our visitors today.');
    // A group photo of five people that ships with @vladmandic/face-api (its demo folder).
    await attach('IMG_2042.JPG', await demoPhoto('sample5.jpg'));
    await waitForPanel(page(), /photo-consent/, ANALYSIS_WAIT);
    const frame = await photoFrame(page());
    await expect.poll(() => frame.locator('body').innerText(), { timeout: 10_000 }).toMatch(/\d faces in this photo/);
    expect(await frame.locator('.box.face').count()).toBeGreaterThanOrEqual(4);
  });

  it('keeps what staff ticked to blur when a sync changes the no-consent list beside the photo', { timeout: 180_000 }, async () => {
    await typeDraft(inline(), 'Year 5: Our visitors today.');
    await attach('IMG_2044.JPG', await demoPhoto('sample5.jpg'));
    await waitForPanel(page(), /photo-consent/, ANALYSIS_WAIT);
    const frame = await photoFrame(page());
    await expect.poll(() => frame.locator('.box.face').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    expect(await frame.locator('body').innerText()).toMatch(/Faith Okonkwo/);
    const everyFace = frame.getByLabel('Blur every face except those I tick');
    await everyFace.check();
    await everyFace.focus();
    await whileConsentChanged(guarded(), { given: 'Okonkwo,Faith', withdrawn: 'Hussain,Noor' }, async () => {
      const list = frame.locator('.no-consent');
      await expect.poll(() => list.innerText(), { timeout: 10_000 }).toMatch(/Noor Hussain/);
      expect(await list.innerText()).not.toMatch(/Faith Okonkwo/);
      // Staff's place in the blur tool is kept too: nothing round it was drawn again.
      expect(await everyFace.isChecked()).toBe(true);
      expect(await everyFace.evaluate((tick) => tick === document.activeElement)).toBe(true);
    });
  });

  it('blurs every face but none ticked: the copy replaces the original, and X receives no face and no location', { timeout: 240_000 }, async () => {
    await typeDraft(inline(), 'Year 5: Our visitors today.');
    await attach('IMG_2043.JPG', jpegWithGps(51.8, -0.36, await demoPhoto('sample5.jpg')));
    await waitForPanel(page(), /photo-consent/, ANALYSIS_WAIT);
    const frame = await photoFrame(page());
    await expect.poll(() => frame.locator('.box.face').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    await frame.getByLabel('Blur every face except those I tick').check();
    await frame.getByRole('button', { name: 'Blur and put it in the post' }).click();
    // The copy is checked like any photo: a new frame for it, with no face left to box.
    const after = await photoFrame(page(), frame.url(), ANALYSIS_WAIT);
    await expect.poll(() => after.locator('body').innerText(), { timeout: ANALYSIS_WAIT }).toMatch(/No faces were found/);
    expect(await inline().locator('[data-testid="attachments"] [role="group"]').count()).toBe(1);
    const post = await confirmPhotoConsentAndPost(page(), inline(), guarded().server);
    expect(post.media.map((media) => [media.name, media.type])).toEqual([['IMG_2043.jpg', 'image/jpeg']]);
    const received = guarded().server.uploadedBytes(post.media[0]!.mediaId)!;
    expect((await analysePhotoFile(received)).faces).toEqual([]);
    expect(await exifr.parse(received, { gps: true, tiff: true, xmp: true, iptc: true })).toBeUndefined();
  });
});

describe('the blur tool after a photo was removed with X’s own ✕', () => {
  it('replaces the photo it was asked to, not the one now in its place', { timeout: 300_000 }, async () => {
    // Not Year 5: its two general posts this week were made by the tests above.
    await typeDraft(inline(), 'Owls: Our stars of the week!');
    const previews = inline().locator('[data-testid="attachments"] [role="group"]');
    const { jpeg: certificate } = makeTestPhoto('certificate', ['Faith', 'Okonkwo'], 'Caveat', 7, 2400);
    for (const [index, [name, buffer]] of ([['IMG_2050.JPG', plainJpeg()], ['IMG_2051.JPG', certificate], ['IMG_2052.JPG', plainJpeg()]] as const).entries()) {
      await attach(name, buffer);
      await expect.poll(() => previews.count()).toBe(index + 1);
    }
    const shown = () => previews.locator('img').evaluateAll((images) => images.map((image) => image.getAttribute('src') ?? ''));
    const sources = await shown();
    await waitForPanel(page(), /attachment-name/, ANALYSIS_WAIT);
    await previews.nth(0).locator('[data-testid="removeMedia"]').click();
    await expect.poll(() => previews.count()).toBe(2);
    // The panel shows the photos left once it has checked again after the removal.
    await page().waitForTimeout(500);
    const frame = await photoFrame(page());
    await frame.getByRole('button', { name: 'Blur and put it in the post' }).click();
    await expect.poll(async () => (await shown()).some((source) => !sources.includes(source)), { timeout: ANALYSIS_WAIT }).toBe(true);
    // The certificate went and its copy came; the clean photo after it stayed.
    const after = await shown();
    expect(after).toHaveLength(2);
    expect(after).toContain(sources[2]);
    expect(after).not.toContain(sources[1]);
    await waitForPanel(page(), /photo-consent/, ANALYSIS_WAIT);
    const post = await confirmPhotoConsentAndPost(page(), inline(), guarded().server);
    expect(post.media.map((media) => media.name)).toEqual(['IMG_2052.JPG', 'IMG_2051.jpg']);
  });
});

describe('photos that cannot be checked hold the post, saying why', () => {
  it('a damaged photo', async () => {
    await typeDraft(inline(), 'Year 5: Our week.');
    await attach('IMG_2044.JPG', damagedJpeg());
    expect(await waitForPanel(page(), /could not open an attached photo/, ANALYSIS_WAIT)).toMatch(/JPEG or PNG/);
    await inline().locator('[data-testid="tweetButtonInline"]').click();
    await expectNothingPosted(guarded().server);
  });

  it('a 20 MB photo, at once (it is not sent to be checked)', async () => {
    await typeDraft(inline(), 'Year 5: Our week.');
    await attach('IMG_2045.JPG', hugeJpeg(20));
    expect(await waitForPanel(page(), /larger than 16 MB/)).toMatch(/smaller copy/);
    await inline().locator('[data-testid="tweetButtonInline"]').click();
    await expectNothingPosted(guarded().server);
  });
});
