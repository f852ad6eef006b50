/**
 * Keeps track of what is attached to each composer: the files chosen, pasted or dropped (their
 * names, types and what their metadata says), the alt text typed for them, and the previews X
 * shows (GIFs and re-attached media arrive with no file, only a preview).
 */
import type { Attachment } from '../policy/types';
import type { PhotoFindings } from '../shared/messages';
import type { PhotoProblem } from '../shared/panel-protocol';
import type { ApprovedMedia } from './network-backstop';
import { warmPhotoChecker } from './photo-check-client';
import { ALT_TEXT_INPUT, ATTACHMENT_ITEM, ATTACHMENTS, FILE_INPUT, REMOVE_MEDIA, composerScope } from './x-dom';

/** Checks an attached photo: what its metadata and its pixels hold, or why it could not be checked. */
export interface AttachmentReader {
  (file: File): Promise<PhotoFindings | PhotoProblem>;
}

interface ComposerAttachments {
  files: Attachment[];
  alts: Map<HTMLTextAreaElement, string>;
  /** Files still being checked (metadata, pixels): the post waits for them. */
  pending: number;
  /** Why a file could not be checked (the last such): unchecked, so the post is held. */
  failure: PhotoProblem | null;
  /**
   * X has shown previews for these files. Until it has, no preview means "not drawn yet" (X adds
   * them after the guard's capture listener ran), not "removed".
   */
  shown: boolean;
}

let nextFileKey = 1;

/** Where a composer's attachments stand: checked, still being read, or not readable. */
export type AttachmentReading = 'done' | 'reading' | PhotoProblem;

export class AttachmentTracker {
  private readonly byComposer = new WeakMap<Element, ComposerAttachments>();
  /** Each file's size, as X's upload will announce it: what tells the approved photo from a swapped one. */
  private readonly sizes = new WeakMap<Attachment, number>();
  private lastComposer: Element | null = null;
  /** The composer of each analysed photo, by the extension's id for it (for the blur tool). */
  private readonly analysed = new Map<string, Element>();

  constructor(
    private readonly readAttachment: AttachmentReader,
    private readonly onChange: () => void,
    signal: AbortSignal,
  ) {
    const options = { capture: true, signal };
    // Capture phase: X reads `files` and then clears the input, so the guard reads them first.
    window.addEventListener('change', (event) => this.onFileInput(event), options);
    window.addEventListener('paste', (event) => this.onTransfer(event.target, event.clipboardData), options);
    window.addEventListener('drop', (event) => this.onTransfer(event.target, event.dataTransfer), options);
    window.addEventListener('input', (event) => this.onAltText(event), options);
    // Staff opening the file chooser or bringing a file over the page are about to attach a photo:
    // the models load while they choose (about a gigabyte, so not for every post typed).
    window.addEventListener('click', (event) => {
      if (event.target instanceof HTMLInputElement && event.target.matches(FILE_INPUT)) warmPhotoChecker();
    }, options);
    window.addEventListener('dragenter', (event) => {
      if (event.dataTransfer?.types.includes('Files')) warmPhotoChecker();
    }, options);
  }

  /** The composer staff last worked in: alt-text dialogs open outside it, in #layers. */
  noteActiveComposer(key: Element): void {
    this.lastComposer = key;
  }

  /** What the composer keyed by its first editor has attached, reconciled with X's previews. */
  attachmentsFor(key: Element | undefined, root: ParentNode): Attachment[] {
    if (!key) return [];
    const tracked = this.byComposer.get(key);
    const previews = [...root.querySelectorAll(`${ATTACHMENTS} ${ATTACHMENT_ITEM}`)];
    const typing = tracked ? [...tracked.alts].filter(([textarea]) => textarea.isConnected).map(([, alt]) => alt) : [];
    if (previews.length === 0) {
      if (tracked && tracked.files.length > 0 && !tracked.shown) return tracked.files;
      // Nothing is shown any more: the media were removed or posted.
      if (tracked && tracked.files.length > 0) this.byComposer.delete(key);
      return typing.length > 0 ? [{ name: '', alt: typing.join('\n'), type: 'text/plain' }] : [];
    }
    if (tracked) tracked.shown = true;
    const files = tracked ? [...tracked.files] : [];
    // Media without a file (GIFs, re-attached) still need photo consent.
    while (files.length < previews.length) files.push({ name: '', alt: '', type: 'image/*' });
    // A saved description shows as the preview's alt: exact, per item. Without that, every
    // description typed for this composer is kept, so a name in one is never lost.
    const shown = previews.map((preview) => preview.querySelector('img[alt], video[aria-label]'));
    const savedAlts = shown.map((media) => media?.getAttribute('alt') ?? media?.getAttribute('aria-label') ?? '');
    const exposed = savedAlts.some(Boolean);
    const remembered = tracked ? [...tracked.alts.values()] : [];
    // Each preview's own media URL tells one photo from another, whatever the files are called.
    const sources = previews.map((preview) => preview.querySelector('img, video')?.getAttribute('src') ?? '');
    return files.map((file, index) => {
      const alt = exposed ? [savedAlts[index] ?? '', ...(index === 0 ? typing : [])] : index === 0 ? remembered : [];
      return { ...file, alt: alt.filter(Boolean).join('\n'), key: sources[index] || file.key };
    });
  }

  /**
   * What an approval covers for each attached item, in order: the file X will upload (its size
   * and type) and the description X will send with it.
   */
  mediaFor(key: Element | undefined, root: ParentNode): ApprovedMedia[] {
    const tracked = key ? this.byComposer.get(key) : undefined;
    return this.attachmentsFor(key, root)
      // A description typed with no media shown (attachmentsFor's text/plain entry) uploads nothing.
      .filter((attachment) => attachment.type !== 'text/plain')
      .map((attachment, index) => {
        const file = tracked?.files[index];
        const bytes = file ? this.sizes.get(file) : undefined;
        return { bytes: bytes ?? null, type: file?.type ?? '', alt: attachment.alt };
      });
  }

  /** Whether every attached file has been checked. */
  reading(key: Element | undefined): AttachmentReading {
    const entry = key ? this.byComposer.get(key) : undefined;
    if (!entry) return 'done';
    if (entry.failure) return entry.failure;
    return entry.pending > 0 ? 'reading' : 'done';
  }

  /**
   * Puts `jpeg` in the composer in place of the photo analysed as `analysisId`, as staff would:
   * X's own remove button on its preview, then the file through X's file input. False (nothing
   * changed) when the photo or the composer's controls are no longer there.
   */
  replacePhoto(analysisId: string, jpeg: Uint8Array): boolean {
    const key = this.analysed.get(analysisId);
    const entry = key?.isConnected ? this.byComposer.get(key) : undefined;
    const index = entry?.files.findIndex((attachment) => attachment.analysisId === analysisId) ?? -1;
    if (!key || !entry || index < 0) return false;
    const { root } = composerScope(key);
    const remove = root.querySelectorAll(`${ATTACHMENTS} ${ATTACHMENT_ITEM}`)[index]?.querySelector<HTMLElement>(REMOVE_MEDIA);
    const input = root.querySelector<HTMLInputElement>(FILE_INPUT);
    if (!remove || !input) return false;
    const original = entry.files.splice(index, 1)[0] as Attachment;
    this.analysed.delete(analysisId);
    remove.click();
    const transfer = new DataTransfer();
    transfer.items.add(new File([jpeg as BlobPart], `${original.name.replace(/\.[^.]*$/, '') || 'photo'}.jpg`, { type: 'image/jpeg' }));
    input.files = transfer.files;
    // Until X draws the copy's preview, no preview means "not drawn yet", not "removed".
    entry.shown = false;
    // Seen by this tracker's capture listener too: the copy is checked like any attached photo.
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  }

  private onFileInput(event: Event): void {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.matches(FILE_INPUT) || !input.files) return;
    this.add(composerScope(input).editors[0] ?? this.lastComposer, [...input.files]);
  }

  /** Paste into the text, or a drop anywhere on the composer (X accepts both). */
  private onTransfer(target: EventTarget | null, transfer: DataTransfer | null): void {
    if (!(target instanceof Element) || !transfer || transfer.files.length === 0) return;
    this.add(composerScope(target).editors[0] ?? this.lastComposer, [...transfer.files]);
  }

  private onAltText(event: Event): void {
    const textarea = event.target;
    if (!(textarea instanceof HTMLTextAreaElement) || !textarea.matches(ALT_TEXT_INPUT) || !this.lastComposer) return;
    this.entry(this.lastComposer).alts.set(textarea, textarea.value);
    this.onChange();
  }

  private add(key: Element | null | undefined, files: File[]): void {
    if (!key || files.length === 0) return;
    const entry = this.entry(key);
    for (const file of files) {
      // An unknown type stays '': the rules then go by the file's extension.
      const attachment: Attachment = { name: file.name, alt: '', type: file.type, key: `file-${nextFileKey++}` };
      entry.files.push(attachment);
      this.sizes.set(attachment, file.size);
      if (file.type.startsWith('image/') || file.type === '') {
        entry.pending += 1;
        this.readAttachment(file)
          .catch((): PhotoProblem => 'photo-check-failed')
          .then((found) => {
            if (typeof found === 'string') entry.failure = found;
            else {
              Object.assign(attachment, found);
              this.analysed.set(found.analysisId, key);
            }
          })
          .finally(() => {
            entry.pending -= 1;
            this.onChange();
          });
      }
    }
    this.onChange();
  }

  private entry(key: Element): ComposerAttachments {
    let entry = this.byComposer.get(key);
    if (!entry) {
      entry = { files: [], alts: new Map(), pending: 0, failure: null, shown: false };
      this.byComposer.set(key, entry);
    }
    return entry;
  }
}
