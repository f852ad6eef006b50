/**
 * A page script that tries to sort candidate names into pupils and non-pupils, as x.com's own
 * JavaScript could (issue 8 item 7): for each candidate it builds an off-screen fake composer with
 * X's test ids, writes a draft naming the candidate, and records everything it can see. Run in the
 * page's own world through `page.evaluate`; returns one observation per candidate.
 */
import { readFileSync } from 'node:fs';
import { SAMPLE_ROSTER } from './guarded-browser';

/** Candidate names: every pupil's forename, surname and full name, and as many invented names that are no pupil's. */
export function probeCandidates(): { pupils: string[]; others: string[] } {
  const [header, ...rows] = readFileSync(SAMPLE_ROSTER, 'utf8').trim().split(/\r?\n/).map((line) => line.split(','));
  const column = (name: string) => header?.indexOf(name) ?? -1;
  const forename = column('Legal Forename');
  const surname = column('Legal Surname');
  const pupils = new Set<string>();
  for (const row of rows) {
    const first = row[forename] ?? '';
    const last = row[surname] ?? '';
    pupils.add(`${first} ${last}`);
    pupils.add(first);
    pupils.add(last);
  }
  const firsts = ['Oscar', 'Freya', 'Arthur', 'Isla', 'Theo', 'Elsie', 'Finley', 'Maisie', 'Rory', 'Imogen', 'Harvey', 'Matilda'];
  const lasts = ['Whitfield', 'Pemberton', 'Ashdown', 'Caldwell', 'Fairbairn', 'Holloway', 'Lockhart', 'Marlowe', 'Pennington', 'Rutherford'];
  const others: string[] = [];
  for (const first of firsts) for (const last of lasts) others.push(`${first} ${last}`);
  const pupilList = [...pupils].slice(0, 100);
  return { pupils: pupilList, others: others.slice(0, 200 - pupilList.length) };
}

/**
 * The probe itself, serialisable for `page.evaluate`. For each name: the guard's answers to a
 * synthetic click on the fake Post button and to a synthetic Ctrl+Enter (dispatchEvent's result),
 * where focus went, what the guard's element on the page measures and holds, what `window.find`
 * finds, and how the page's DOM changed.
 */
export interface ProbeObservation {
  /** What the guard's element on the page looked like after the draft was written. */
  typed: string;
  /** dispatchEvent's result for the synthetic click on Post, and for the synthetic Ctrl+Enter. */
  clicked: boolean;
  keyed: boolean;
  /** The guard's element after the synthetic submissions. */
  submitted: string;
  /** Where keyboard focus was afterwards. */
  focus: string;
  /** window.find for words the guard's panel uses. */
  found: string[];
  /** Whether the page's DOM (outside the fake composer) changed. */
  domChanged: boolean;
  /**
   * What hit-testing finds over the whole window, after the draft was written and after the
   * submissions: the points (on a 40 px grid) where the guard's element takes the pointer, which
   * is where anything it draws that could be clicked sits, and how big it is.
   */
  hitsTyped: string;
  hitsSubmitted: string;
  /**
   * How many frames the page holds, and how many each of those holds (readable across origins).
   * Frames inside a shadow root are not counted by the browser, but that is the browser's rule.
   */
  frames: string;
}

export async function probeNames(names: string[]): Promise<ProbeObservation[]> {
  const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  // Page CSS can give the guard's element a box; its size then follows whatever it holds.
  const style = document.createElement('style');
  // A transform makes the element the containing block of its fixed-position children, so its
  // scroll size would follow them.
  style.textContent = 'school-post-guard { display: block !important; position: absolute !important; overflow: auto !important; transform: translateZ(0) !important; left: 0 !important; top: 0 !important; }';
  document.head.append(style);
  const snapshotDom = () => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.currentNode as Element | null; node; node = walker.nextNode() as Element | null) {
      if (node.closest('[data-probe]')) continue;
      parts.push(`${node.tagName}:${[...node.attributes].filter((attribute) => attribute.name !== 'style' || node.tagName === 'SCHOOL-POST-GUARD').map((attribute) => `${attribute.name}=${attribute.value}`).join(',')}`);
    }
    return parts.join('|');
  };
  const observeGuard = () => {
    const hosts = [...document.querySelectorAll('school-post-guard')];
    return hosts.map((host) => {
      const rect = host.getBoundingClientRect();
      const frames = [...host.querySelectorAll('iframe')].map((frame) => `${frame.src}@${JSON.stringify(frame.getBoundingClientRect())}`);
      return `${rect.width}x${rect.height}@${rect.left},${rect.top} scroll ${host.scrollWidth}x${host.scrollHeight} shadow ${String(host.shadowRoot)} children ${host.childElementCount} frames ${JSON.stringify(frames)}`;
    }).join(';');
  };
  // Without the page CSS above, which would clip the guard's element to nothing.
  const hitTest = () => {
    if (style.sheet) style.sheet.disabled = true;
    const hits: string[] = [];
    for (let y = 0; y < innerHeight; y += 40) {
      for (let x = 0; x < innerWidth; x += 40) {
        if (document.elementFromPoint(x, y)?.tagName === 'SCHOOL-POST-GUARD') hits.push(`${x},${y}`);
      }
    }
    if (style.sheet) style.sheet.disabled = false;
    return hits.join(' ');
  };
  const countFrames = () => [window.length, ...Array.from({ length: window.length }, (_, index) => window[index]?.length ?? -1)].join(',');
  // Not in TypeScript's DOM types (non-standard), but in Chromium and Firefox.
  const find = (window as unknown as { find(text: string, caseSensitive: boolean, backwards: boolean, wrap: boolean): boolean }).find.bind(window);
  const findWords = ['pupil', 'Blocked', 'name', 'Not posted', 'cannot go out', 'Ready to post', 'Must change'];
  // A change no key of staff's came before is checked a tenth of a second later
  // (src/content/check-timing.ts): the probe waits until the guard's panel is there beside the
  // fake composer, as a patient script would (a timer's order against the guard's is not to be
  // counted on in Firefox), for at most two seconds.
  const afterTheGuardsCheck = async () => {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const until = performance.now() + 2_000;
    while (hitTest() === '' && performance.now() < until) await nextFrame();
    await nextFrame();
  };
  const observations: ProbeObservation[] = [];
  for (const name of names) {
    const before = snapshotDom();
    const fake = document.createElement('div');
    fake.dataset.probe = '';
    // On screen, where the guard would draw its panel beside it for everyone to measure.
    fake.style.cssText = 'position: fixed; left: 16px; top: 16px; width: 600px; background: #fff; z-index: 1;';
    fake.innerHTML = '<div data-testid="tweetTextarea_0" contenteditable="true" role="textbox"><div data-contents="true"><div data-block="true"><span></span></div></div></div><div data-testid="toolBar"><button type="button" data-testid="tweetButtonInline">Post</button></div>';
    document.body.append(fake);
    const editor = fake.querySelector<HTMLElement>('[data-testid="tweetTextarea_0"]');
    const button = fake.querySelector<HTMLElement>('[data-testid="tweetButtonInline"]');
    const span = fake.querySelector('span');
    if (!editor || !button || !span) throw new Error('probe markup');
    editor.focus();
    span.textContent = `Owls: Well done ${name}!`;
    editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: name }));
    await afterTheGuardsCheck();
    const typed = observeGuard();
    const hitsTyped = hitTest();
    const clicked = button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    const keyed = editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    await nextFrame();
    const submitted = observeGuard();
    const hitsSubmitted = hitTest();
    const frames = countFrames();
    const focus = document.activeElement === editor ? 'editor' : (document.activeElement?.tagName ?? 'none');
    const found = findWords.map((word) => {
      getSelection()?.removeAllRanges();
      return `${word}:${String(find(word, false, false, true))}`;
    });
    getSelection()?.removeAllRanges();
    const after = snapshotDom();
    fake.remove();
    await nextFrame();
    observations.push({ typed, clicked, keyed, submitted, focus, found, domChanged: before !== after, hitsTyped, hitsSubmitted, frames });
  }
  style.remove();
  return observations;
}

/** The distinct observations, so a difference between any two names shows in the failure. */
export function distinctObservations(observations: ProbeObservation[]): string[] {
  return [...new Set(observations.map((observation) => JSON.stringify(observation, null, 1)))];
}

/** The no-consent page's address for each class list a copy asks about (none: the whole school); every class of the sample roster has a pupil without consent, in lists of one, two and four names. */
export const CONSENT_COPY_QUERIES = ['?class=Owls', '?class=Owls&class=Badgers', '?class=Hedgehogs', ''];

/** What the page sees of one copy it made of the no-consent page. */
export interface ConsentCopyObservation {
  /** fetch() of the address: its status and length, or that it was refused. */
  fetched: string;
  /** Whether the frame's load event fired, and how many frames it holds (readable across origins). */
  loaded: boolean;
  frames: number;
  /** Its document's text, if the page can read it at all ('none'). */
  readable: string;
}

/**
 * Run in x.com's page through `page.evaluate`: fetches each address and frames it (frame `name`
 * `<label>-<index>`), as the page's own scripts could; `forgedPanel`, when given, is the findings
 * panel's address, framed too (`forged-panel`) and handed a port and a view asking for the Owls'
 * no-consent list, as the guard's content script would.
 */
export async function frameConsentCopies({ addresses, label, forgedPanel }: { addresses: string[]; label: string; forgedPanel?: string }): Promise<ConsentCopyObservation[]> {
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const framed = (src: string, name: string) => {
    const frame = document.createElement('iframe');
    frame.name = name;
    frame.src = src;
    const loaded = new Promise<boolean>((resolve) => {
      frame.addEventListener('load', () => resolve(true), { once: true });
      setTimeout(() => resolve(false), 3_000);
    });
    document.body.append(frame);
    return { frame, loaded };
  };
  if (forgedPanel) {
    const { frame, loaded } = framed(`${forgedPanel}#forged`, 'forged-panel');
    await loaded;
    const channel = new MessageChannel();
    frame.contentWindow?.postMessage({ schoolPostGuardToken: 'forged' }, '*', [channel.port2]);
    const view = { tone: 'block', atSubmit: true, findings: [], confirmations: [], degraded: false, consentClasses: ['Owls'] };
    channel.port1.postMessage({ type: 'view', view, consentToken: 'forged' });
  }
  return Promise.all(addresses.map(async (src, index) => {
    const fetched = await fetch(src).then(async (response) => `${response.status} ${(await response.text()).length}`, () => 'refused');
    const { frame, loaded } = framed(src, `${label}-${index}`);
    const didLoad = await loaded;
    // Time for its script to ask the background and draw the answer.
    await pause(1_000);
    // contentDocument is null for a document of another origin.
    const readable = frame.contentDocument ? frame.contentDocument.body.innerText : 'none';
    return { fetched, loaded: didLoad, frames: frame.contentWindow?.length ?? -1, readable };
  }));
}
