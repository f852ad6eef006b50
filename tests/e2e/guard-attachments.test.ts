/**
 * Attachments in real Chromium with dist/chrome: a pupil's name in a file name, in alt text or in
 * a photo's metadata; GPS in a photo; and photo consent, whose no-consent list is shown only
 * inside an extension-origin frame and never enters x.com's page.
 */
import type { Page } from 'playwright-core';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardPanelFrame, guardPanelText, PHOTO_CHECK_WAIT, pressInPanel, waitForPanel } from './support/guard-panel';
import { confirmPhotoConsentAndPost, useGuardedHomePage, whileConsentChanged } from './support/guarded-browser';
import { damagedJpeg, jpegWithDescription, jpegWithGps, plainJpeg } from './support/test-images';
import { composerScope, typeDraft } from './support/x-fixture-page';

const { guarded, page } = useGuardedHomePage();

const inline = () => composerScope(page(), 'inline');

let filesDir: string;
beforeAll(async () => {
  filesDir = await mkdtemp(join(tmpdir(), 'spg-attachments-'));
});
afterAll(async () => {
  await rm(filesDir, { recursive: true, force: true });
});

/**
 * Chooses a real file from disk: the browser itself then fires the input's events, as when staff
 * pick a photo (an in-memory file would be announced by a script instead, with different timing).
 */
async function attach(name: string, buffer: Buffer): Promise<void> {
  const path = join(filesDir, name);
  await writeFile(path, buffer);
  await inline().locator('input[data-testid="fileInput"]').setInputFiles(path);
  await inline().locator('[data-testid="attachments"] [role="group"]').first().waitFor();
}

const previews = () => inline().locator('[data-testid="attachments"] [role="group"]');

/** Attaches each file in turn, as staff choosing one photo after another. */
async function attachEach(files: [string, Buffer][]): Promise<void> {
  for (const [index, [name, buffer]] of files.entries()) {
    await attach(name, buffer);
    await expect.poll(() => previews().count()).toBe(index + 1);
  }
}

/** X's own ✕ on the preview at `index`, as staff click it. */
async function removeWithXsButton(index: number): Promise<void> {
  await previews().nth(index).locator('[data-testid="removeMedia"]').click();
}

async function confirmConsentAndPost(): Promise<string[]> {
  const post = await confirmPhotoConsentAndPost(page(), inline(), guarded().server);
  return post.media.map((media) => media.name);
}

/** An Owls post with a plain photo, held at Post for photo consent, its no-consent list shown (Ada Nowak has none). */
async function postPhotoHeldForConsent(fileName: string): Promise<void> {
  await typeDraft(inline(), 'Owls: Art gallery day.');
  await attach(fileName, plainJpeg());
  await clickPostAndExpectNothing();
  await waitForPanel(page(), /photo-consent/, PHOTO_CHECK_WAIT);
  const frame = await waitForConsentFrame(page());
  await expect.poll(() => frame.locator('body').innerText()).toMatch(/Ada Nowak/);
}

async function clickPostAndExpectNothing(): Promise<void> {
  await inline().locator('[data-testid="tweetButtonInline"]').click();
  await page().waitForTimeout(400);
  expect(await guarded().server.posted()).toEqual([]);
}

describe('attachments', () => {
  it('blocks a file named after a pupil', async () => {
    await typeDraft(inline(), 'Hedgehogs: Sports day!');
    await attach('poppy_hughes.jpg', plainJpeg());
    await clickPostAndExpectNothing();
    expect(await waitForPanel(page(), /attachment-name/, PHOTO_CHECK_WAIT)).toMatch(/poppy/i);
  });

  it('blocks alt text that names a pupil', async () => {
    await typeDraft(inline(), 'Owls: Medals!');
    await attach('IMG_0043.JPG', plainJpeg());
    await inline().locator('[data-testid="altTextButton"]').click();
    await page().locator('#layers textarea[data-testid="altTextInput"]').fill('Kai Bell with his medal');
    await page().locator('#layers [data-testid="endEditingButton"]').click();
    await clickPostAndExpectNothing();
    expect(await waitForPanel(page(), /attachment-name/, PHOTO_CHECK_WAIT)).toMatch(/Kai/);
  });

  it('blocks a name written into the photo’s own description', async () => {
    await typeDraft(inline(), 'Year 5: Science week');
    await attach('IMG_0101.JPG', jpegWithDescription('Faith Okonkwo at the microscope'));
    await waitForPanel(page(), /attachment-name/, PHOTO_CHECK_WAIT);
    await clickPostAndExpectNothing();
  });

  it('warns about a photo carrying its GPS position', async () => {
    await typeDraft(inline(), 'Badgers: Forest school fun.');
    await attach('IMG_0044.JPG', jpegWithGps(51.8, -0.36));
    expect(await waitForPanel(page(), /\blocation\b/, PHOTO_CHECK_WAIT)).toMatch(/location/i);
    await clickPostAndExpectNothing();
  });
});

describe('photo consent', () => {
  it('asks for the hashtag’s exception about the children in the photo once a photo is attached', async () => {
    await typeDraft(inline(), 'Owls: Sports day #sportsday');
    await attach('IMG_0050.JPG', plainJpeg());
    const text = await waitForPanel(page(), /parents agreed/, PHOTO_CHECK_WAIT);
    expect(text).toMatch(/every child in the photo to use this hashtag/);
    expect(text).not.toMatch(/every child this post is about/);
  });

  it('holds the post until staff confirm, showing the no-consent list only inside the extension frame', async () => {
    await postPhotoHeldForConsent('IMG_0042.JPG');
    // The page's own DOM, storage and script-visible state never hold the name.
    const pageSees = await page().evaluate(() => [document.documentElement.outerHTML, JSON.stringify(localStorage), JSON.stringify(sessionStorage), document.cookie].join('\n'));
    expect(pageSees).not.toMatch(/Nowak/);

    // Blocking moved keyboard focus into the panel, onto its confirmation.
    await pressInPanel(page());
    await waitForPanel(page(), /Ready to post/);
    await inline().locator('[data-testid="tweetButtonInline"]').click();
    const posted = await guarded().server.waitForPosts(1);
    expect(posted[0]?.text).toBe('Owls: Art gallery day.');
    expect(posted[0]?.media.map((media) => media.name)).toEqual(['IMG_0042.JPG']);
  });

  it('cannot be confirmed until the no-consent list is on screen: staff would confirm against nothing', async () => {
    await expect.poll(() => guardPanelFrame(page()) !== undefined).toBe(true);
    const panel = guardPanelFrame(page());
    // The list's frame still loads and shows the names, but its word to the panel that it has is lost,
    // as when the list is slow or could not load (the frame calls the panel's own postMessage).
    await panel?.evaluate(() => {
      window.postMessage = () => undefined;
    });
    await postPhotoHeldForConsent('IMG_0044.JPG');

    const confirm = panel?.locator('.confirm[data-rule="photo-consent"] button');
    await confirm?.click({ force: true });
    await page().keyboard.press('Enter');
    await page().waitForTimeout(400);
    const said = await guardPanelText(page());
    expect(said).not.toMatch(/Ready to post/);
    expect(said).toMatch(/once the list of pupils without photo consent has loaded/);
    expect(await confirm?.getAttribute('aria-disabled')).toBe('true');
    await clickPostAndExpectNothing();
  });
});

describe('the no-consent list', () => {
  const listFor = (className: string) => expect.poll(() => page().frames().some((frame) => frame.url().includes('/src/consent/') && frame.url().includes(`class=${className}`))).toBe(true);

  it('follows the class named without adding to the tab’s history, which x.com’s page can count', async () => {
    const before = await page().evaluate(() => history.length);
    await typeDraft(inline(), 'Owls: our trip');
    await attach('clip.mp4', Buffer.from('not really a video'));
    await listFor('Owls');
    await page().keyboard.press('Control+A');
    await page().keyboard.type('Badgers: our trip');
    await listFor('Badgers');
    expect(await page().evaluate(() => history.length)).toBe(before);
  });

  it('follows a consent change made while it is on screen, and asks again: staff confirm against the list as it now is', async () => {
    await postPhotoHeldForConsent('IMG_0046.JPG');
    await pressInPanel(page());
    await waitForPanel(page(), /Ready to post/);
    // The ICT lead's import (or a sync) since: Ada's parents have given consent, Kai's withdrawn it.
    await whileConsentChanged(guarded(), { given: 'Nowak,Ada', withdrawn: 'Bell,Kai' }, async () => {
      const list = (await waitForConsentFrame(page())).locator('.no-consent');
      await expect.poll(() => list.innerText(), { timeout: 10_000 }).toMatch(/Kai Bell/);
      expect(await list.innerText()).not.toMatch(/Ada Nowak/);
      // What staff confirmed was the list without Kai: it no longer lets the post go.
      await clickPostAndExpectNothing();
      expect(await waitForPanel(page(), /photo-consent/)).not.toMatch(/Ready to post/);
    });
  });
});

describe('photo consent for a joint post', () => {
  it('lists the pupils without consent of every class the opening names', async () => {
    await typeDraft(inline(), 'Owls and Badgers: Sports day!');
    await attach('IMG_0045.JPG', plainJpeg());
    await clickPostAndExpectNothing();
    expect(await waitForPanel(page(), /photo-consent/, PHOTO_CHECK_WAIT)).toMatch(/Owls and Badgers/);

    // Ada Nowak is in Owls, Chloé Dubois in Badgers; Zoë Green (Hedgehogs) is in neither.
    const frame = await waitForConsentFrame(page());
    await expect.poll(() => frame.locator('body').innerText()).toMatch(/Chloé Dubois/);
    const listed = await frame.locator('li').allInnerTexts();
    expect(listed.sort()).toEqual(['Ada Nowak', 'Chloé Dubois']);
    expect(await frame.locator('h1').innerText()).toMatch(/Owls and Badgers/);
  });
});

describe('confirmations', () => {
  it('cover only what staff saw: another photo added afterwards asks again', async () => {
    await typeDraft(inline(), 'Owls: Art gallery day.');
    await attach('IMG_0042.JPG', plainJpeg());
    await clickPostAndExpectNothing();
    await waitForPanel(page(), /photo-consent/, PHOTO_CHECK_WAIT);
    await pressInPanel(page());
    await waitForPanel(page(), /Ready to post/);

    await attach('IMG_0043.JPG', plainJpeg());
    await waitForPanel(page(), /photo-consent/, PHOTO_CHECK_WAIT);
    await clickPostAndExpectNothing();
  });
});

describe('photos removed with X’s own ✕', () => {
  it('take their findings with them: the named photo removed, the other may go out', async () => {
    await typeDraft(inline(), 'Year 5: Science week');
    await attachEach([['IMG_0201.JPG', jpegWithDescription('Faith Okonkwo at the microscope')], ['IMG_0202.JPG', plainJpeg()]]);
    await waitForPanel(page(), /attachment-name/, PHOTO_CHECK_WAIT);
    await removeWithXsButton(0);
    const onlyConsent = async () => {
      const text = await guardPanelText(page());
      return /photo-consent/.test(text) && !/attachment-name/.test(text);
    };
    await expect.poll(onlyConsent, { timeout: 5_000 }).toBe(true);
    expect(await confirmConsentAndPost()).toEqual(['IMG_0202.JPG']);
  });

  it('leave the others’ findings alone: the named photo still blocks once the clean one before it is removed', async () => {
    await typeDraft(inline(), 'Year 5: Science week');
    await attachEach([['IMG_0203.JPG', plainJpeg()], ['IMG_0204.JPG', jpegWithDescription('Faith Okonkwo at the microscope')]]);
    await waitForPanel(page(), /attachment-name/, PHOTO_CHECK_WAIT);
    await removeWithXsButton(0);
    await expect.poll(() => previews().count()).toBe(1);
    await clickPostAndExpectNothing();
    expect(await waitForPanel(page(), /attachment-name/)).toMatch(/embedded details contain “Faith/);
  });

  it('release the hold of a photo that could not be checked', async () => {
    await typeDraft(inline(), 'Year 5: Our week.');
    await attachEach([['IMG_0205.JPG', damagedJpeg()], ['IMG_0206.JPG', plainJpeg()]]);
    await waitForPanel(page(), /could not open an attached photo/, PHOTO_CHECK_WAIT);
    await removeWithXsButton(0);
    await waitForPanel(page(), /photo-consent/, PHOTO_CHECK_WAIT);
    expect(await confirmConsentAndPost()).toEqual(['IMG_0206.JPG']);
  });
});

/**
 * Shows `html` as X's preview of media with no file chosen here, and makes X's post carry
 * `mediaId` with the text. X's ✕ takes the preview away. The page notes what became of that post.
 */
async function showFilelessMedia(mediaId: string, html: string): Promise<void> {
  await page().evaluate(({ id, html }) => {
    const toolBar = document.querySelector('[data-testid="primaryColumn"] [data-testid="toolBar"]') as Element;
    const attachments = document.createElement('div');
    attachments.dataset.testid = 'attachments';
    attachments.innerHTML = html;
    attachments.querySelector('[data-testid="removeMedia"]')?.addEventListener('click', () => attachments.remove());
    toolBar.before(attachments);
    const pageFetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      if (!String(input).includes('/CreateTweet') || typeof init?.body !== 'string') return pageFetch(input, init);
      const body = JSON.parse(init.body) as { variables: { media: { media_entities: unknown[] } } };
      body.variables.media.media_entities = [{ media_id: id, tagged_users: [] }];
      const sent = pageFetch(input, { ...init, body: JSON.stringify(body) });
      sent.then((response) => (document.documentElement.dataset.draftPost = `sent ${response.status}`), (error: unknown) => (document.documentElement.dataset.draftPost = String(error)));
      return sent;
    };
  }, { id: mediaId, html });
}

/**
 * A draft reopened from X's Drafts in a later page load: its photo was uploaded in the earlier one
 * (here, another tab), X shows the photo's preview `preview` with no file chosen here, and posts
 * the draft's media id with the text.
 */
async function reopenDraft(photo: Buffer, preview: 'img' | 'video'): Promise<void> {
  const earlier = await guarded().chromium.page();
  await earlier.goto('https://x.com/home');
  const mediaId = await earlier.evaluate(async (base64: string) => {
    const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
    const init = await (await fetch(`/i/media/upload.json?command=INIT&total_bytes=${bytes.length}&media_type=image%2Fjpeg`, { method: 'POST' })).json();
    const id = (init as { media_id_string: string }).media_id_string;
    const form = new FormData();
    form.append('media', new File([bytes], 'draft.jpg', { type: 'image/jpeg' }));
    await fetch(`/i/media/upload.json?command=APPEND&media_id=${id}&segment_index=0`, { method: 'POST', body: form });
    await fetch(`/i/media/upload.json?command=FINALIZE&media_id=${id}`, { method: 'POST' });
    return id;
  }, photo.toString('base64'));
  await earlier.close();
  await showFilelessMedia(mediaId, `<div role="group"><${preview} src="data:image/jpeg;base64,${photo.toString('base64')}"></${preview}><button type="button" data-testid="removeMedia">×</button></div>`);
}

/**
 * A GIF picked from X's GIF picker: X plays it from its own media server in a <video>, and
 * uploads it by that address (an INIT with `source_url`, no bytes), in this page load.
 */
async function pickGif(): Promise<void> {
  const gif = 'https://video.twimg.com/tweet_video/aGif.mp4';
  const mediaId = await page().evaluate(async (source: string) => {
    const init = await (await fetch(`/i/media/upload.json?command=INIT&source_url=${encodeURIComponent(source)}&media_type=image%2Fgif&media_category=tweet_gif`, { method: 'POST' })).json();
    return (init as { media_id_string: string }).media_id_string;
  }, gif);
  await showFilelessMedia(mediaId, `<div role="group"><video src="${gif}" autoplay loop muted aria-label="Dancing"></video><button type="button" data-testid="removeMedia">×</button></div>`);
}

/** The panel never says the post is ready while this lasts: a ready post the backstop then refuses is a dead end. */
async function neverReady(): Promise<void> {
  for (let look = 0; look < 5; look += 1) {
    expect(await guardPanelText(page())).not.toMatch(/Ready to post/);
    await page().waitForTimeout(100);
  }
}

describe('media X shows with no file chosen here (a draft reopened from X’s Drafts, a GIF from X’s picker)', () => {
  it('a photo holds the post until it is attached again from the computer: it was never read', async () => {
    await reopenDraft(jpegWithDescription('Grace Brown at sports day'), 'img');
    await typeDraft(inline(), 'Owls: our science fair');
    await inline().locator('[data-testid="tweetButtonInline"]').click();
    const said = await waitForPanel(page(), /not attached from this computer/);
    expect(said).not.toMatch(/photo-consent/);
    // Removing the photo with X's ✕ releases the hold: it was the photo, not the text.
    await removeWithXsButton(0);
    await waitForPanel(page(), /Ready to post/);
  });

  it('a draft’s GIF or video (never read) holds the post with its reason, never ready for the backstop to refuse', async () => {
    await reopenDraft(jpegWithDescription('Grace Brown at sports day'), 'video');
    await typeDraft(inline(), 'Owls: our science fair');
    await inline().locator('[data-testid="tweetButtonInline"]').click();
    const said = await waitForPanel(page(), /not attached from this computer/);
    expect(said).not.toMatch(/photo-consent/);
    await neverReady();
    await clickPostAndExpectNothing();
    expect(await page().evaluate(() => document.documentElement.dataset.draftPost ?? '')).toBe('');
    await removeWithXsButton(0);
    await waitForPanel(page(), /Ready to post/);
  });

  it('a GIF from X’s GIF picker (uploaded by its address, which cannot be checked) holds the post with its reason', async () => {
    await pickGif();
    await typeDraft(inline(), 'Owls: our science fair');
    await inline().locator('[data-testid="tweetButtonInline"]').click();
    expect(await waitForPanel(page(), /not attached from this computer/)).toMatch(/GIF picker/);
    await neverReady();
    await clickPostAndExpectNothing();
    expect(await page().evaluate(() => document.documentElement.dataset.draftPost ?? '')).toBe('');
  });
});

async function waitForConsentFrame(page: Page) {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const frame = page.frames().find((candidate) => candidate.url().startsWith('chrome-extension://') && candidate.url().includes('/src/consent/'));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('The photo-consent frame never appeared');
}
