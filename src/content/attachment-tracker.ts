/**
 * Keeps track of what is attached to each composer: the files chosen, pasted or dropped (their
 * names, types and what their metadata says), the alt text typed for them, and the previews X
 * shows (a GIF from X's picker, and the media of a draft reopened from X's Drafts, have no file here:
 * they hold the post).
 */
import type { Attachment } from '../policy/types';
import type { PhotoFindings } from '../shared/messages';
import type { PhotoProblem } from '../shared/panel-protocol';
import type { ApprovedMedia } from './network-backstop';
import { warmPhotoChecker } from './photo-check-client';
import { pairPreviews, type PreviewedFile } from './preview-pairing';
import { ALT_TEXT_INPUT, FILE_INPUT, REMOVE_MEDIA, attachmentPreviews, composerScope, previewRemovedBy, readPreview } from './x-dom';

/** Checks an attached photo: what its metadata and its pixels hold, or why it could not be checked. */
export interface AttachmentReader {
  (file: File): Promise<PhotoFindings | PhotoProblem>;
}

/** A file staff attached, with what is known of it. */
interface TrackedFile extends PreviewedFile {
  attachment: Attachment;
  /** Its size, as X's upload will announce it: what tells the approved photo from a swapped one. */
  bytes: number;
  /** Still being checked (metadata, pixels), or not yet sent to be: the post waits for it. */
  pending: boolean;
  /** A photo attached while the account was not known to be guarded: unread until it is (the post is held meanwhile). */
  unread: File | null;
  /** Why it could not be checked: unchecked, so the post is held while it is attached. */
  failure: PhotoProblem | null;
}

interface ComposerAttachments {
  files: TrackedFile[];
  alts: Map<HTMLTextAreaElement, string>;
}

/** One attached item as the post will carry it: its attachment, and its file (none for media X shows with no file here). */
interface AttachedItem {
  attachment: Attachment;
  file: TrackedFile | null;
}

/** What a composer has attached, and whether X shows media with no file read here. */
interface AttachedItems {
  items: AttachedItem[];
  unreadMedia: boolean;
}

let nextFileKey = 1;

/** Where a composer's attachments stand: checked, still being read, shown with no file to read, or not readable. */
export type AttachmentReading = 'done' | 'reading' | 'photo-not-attached' | PhotoProblem;

export class AttachmentTracker {
  private readonly byComposer = new WeakMap<Element, ComposerAttachments>();
  private lastComposer: Element | null = null;
  /** The composer of each analysed photo, by the extension's id for it (for the blur tool). */
  private readonly analysed = new Map<string, Element>();

  /** The composers with photos attached while the account was not known to be guarded. */
  private readonly withUnread = new Set<Element>();
  /** A trusted click being dispatched: X's own file button forwards it to its hidden input as a click of its own. */
  private staffClick: Event | null = null;

  /**
   * `forGuardedAccount`: whether the account posting now is known to be guarded (isKnownGuardedAccount).
   * `onChange`: the attachments changed; `onAnswer`: a photo's check has been answered.
   */
  constructor(
    private readonly readAttachment: AttachmentReader,
    private readonly forGuardedAccount: () => boolean,
    private readonly onChange: () => void,
    private readonly onAnswer: () => void,
    signal: AbortSignal,
  ) {
    const options = { capture: true, signal };
    // Capture phase: X reads `files` and then clears the input, so the guard reads them first.
    window.addEventListener('change', (event) => this.onFileInput(event), options);
    window.addEventListener('paste', (event) => this.onTransfer(event.target, event.clipboardData), options);
    window.addEventListener('drop', (event) => this.onTransfer(event.target, event.dataTransfer), options);
    window.addEventListener('input', (event) => this.onAltText(event), options);
    window.addEventListener('click', (event) => {
      if (event.isTrusted) this.staffClick = event;
      // Staff opening the file chooser are about to attach a photo: the models load while they
      // choose (about a gigabyte, so not for every post typed, nor for a page script's click).
      if (event.target instanceof HTMLInputElement && event.target.matches(FILE_INPUT) && this.byStaff(event)) this.warm();
      this.onRemoveMedia(event);
    }, options);
    // A remove button that is not a <button> is pressed with Enter or Space, and no click follows.
    window.addEventListener('keydown', (event) => {
      if ((event.key === 'Enter' || event.key === ' ') && !(event.target instanceof HTMLButtonElement)) this.onRemoveMedia(event);
    }, options);
    window.addEventListener('dragenter', (event) => {
      if (event.isTrusted && event.dataTransfer?.types.includes('Files')) this.warm();
    }, options);
  }

  /** Sends the photos attached while the account was not known to be guarded, if it is now. */
  readUnread(): void {
    if (this.withUnread.size === 0 || !this.forGuardedAccount()) return;
    for (const key of this.withUnread) {
      this.withUnread.delete(key);
      for (const tracked of (key.isConnected && this.byComposer.get(key)?.files) || []) {
        if (tracked.unread && !tracked.removed) this.read(key, tracked, tracked.unread);
      }
    }
  }

  /**
   * Staff's own click, or the click X's file button gives its hidden input while staff's is still
   * being dispatched; a page script's click on its own is not (its `eventPhase` is over by then).
   */
  private byStaff(event: Event): boolean {
    return event.isTrusted || (this.staffClick !== null && this.staffClick.eventPhase !== Event.NONE);
  }

  private warm(): void {
    if (this.forGuardedAccount()) warmPhotoChecker();
  }

  /** The composer staff last worked in: alt-text dialogs open outside it, in #layers. */
  noteActiveComposer(key: Element): void {
    this.lastComposer = key;
  }

  /** What the composer keyed by its first editor has attached, reconciled with X's previews. */
  attachmentsFor(key: Element | undefined, root: ParentNode): Attachment[] {
    return this.itemsFor(key, root).items.map((item) => item.attachment);
  }

  /**
   * What an approval covers for each attached item, in order: the file X will upload (its size
   * and type) and the description X will send with it.
   */
  mediaFor(key: Element | undefined, root: ParentNode): ApprovedMedia[] {
    return this.itemsFor(key, root).items
      // A description typed with no media shown (the text/plain item) uploads nothing.
      .filter(({ attachment }) => attachment.type !== 'text/plain')
      .map(({ attachment, file }) => ({ bytes: file?.bytes ?? null, type: file?.attachment.type ?? '', alt: attachment.alt }));
  }

  /** Whether everything attached has been checked: every file read, and no media shown without one. */
  reading(key: Element | undefined, root: ParentNode): AttachmentReading {
    const { items, unreadMedia } = this.itemsFor(key, root);
    const files = items.flatMap(({ file }) => (file ? [file] : []));
    const failure = files.find((file) => file.failure)?.failure;
    if (failure) return failure;
    if (unreadMedia) return 'photo-not-attached';
    return files.some((file) => file.pending) ? 'reading' : 'done';
  }

  /**
   * Puts `jpeg` in the composer in place of the photo analysed as `analysisId`, as staff would:
   * X's own remove button on its preview, then the file through X's file input. False (nothing
   * changed) when the photo or the composer's controls are no longer there, or which preview
   * shows the photo is not known for sure: a guess could remove another photo and leave this one.
   */
  replacePhoto(analysisId: string, jpeg: Uint8Array): boolean {
    const key = this.analysed.get(analysisId);
    const original = key?.isConnected ? this.byComposer.get(key)?.files.find((file) => file.attachment.analysisId === analysisId) : undefined;
    if (!key || !original?.source || original.removed) return false;
    const { root } = composerScope(key);
    const remove = attachmentPreviews(root).find((preview) => readPreview(preview).source === original.source)?.querySelector<HTMLElement>(REMOVE_MEDIA);
    const input = root.querySelector<HTMLInputElement>(FILE_INPUT);
    if (!remove || !input) return false;
    original.removed = true;
    this.analysed.delete(analysisId);
    remove.click();
    const transfer = new DataTransfer();
    transfer.items.add(new File([jpeg as BlobPart], `${original.attachment.name.replace(/\.[^.]*$/, '') || 'photo'}.jpg`, { type: 'image/jpeg' }));
    input.files = transfer.files;
    // Seen by this tracker's capture listener too: the copy is checked like any attached photo.
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  }

  private itemsFor(key: Element | undefined, root: ParentNode): AttachedItems {
    const entry = key && this.byComposer.get(key);
    const previews = attachmentPreviews(root).map(readPreview);
    if (!entry) return { items: previews.map(({ source, alt }) => ({ attachment: { name: '', alt, type: 'image/*', key: source }, file: null })), unreadMedia: previews.length > 0 };
    const typing = [...entry.alts].filter(([textarea]) => textarea.isConnected).map(([, alt]) => alt);
    const attached = entry.files.length;
    const files = (entry.files = pairPreviews(entry.files, previews.map(({ source }) => source)));
    if (previews.length === 0 && files.length === 0) {
      // Nothing is attached any more (the media were removed or posted): nor are their descriptions.
      if (attached > 0) this.byComposer.delete(key);
      return { items: typing.length > 0 ? [{ attachment: { name: '', alt: typing.join('\n'), type: 'text/plain' }, file: null }] : [], unreadMedia: false };
    }
    const unpaired = previews.filter(({ source }) => !files.some((file) => file.source === source));
    const unbound = files.filter((file) => file.source === null).length;
    const items: AttachedItem[] = [
      ...files.map((file) => ({ attachment: { ...file.attachment, alt: previews.find(({ source }) => source === file.source)?.alt ?? '' }, file })),
      ...unpaired.slice(unbound).map(({ source }) => ({ attachment: { name: '', alt: '', type: 'image/*', key: source }, file: null })),
    ];
    // A saved description shows as its preview's alt, exact per item. One whose item is not known,
    // and one being typed, go with the first item; when X shows none, every description typed for
    // this composer does: a name in one is never lost.
    const first = items[0] as AttachedItem;
    const loose = previews.some(({ alt }) => alt) ? [...unpaired.map(({ alt }) => alt), ...typing] : [...entry.alts.values()];
    first.attachment.alt = [first.attachment.alt, ...loose].filter(Boolean).join('\n');
    // Previews no file here accounts for (a draft's photo, GIF or video, a GIF from X's picker) were
    // never read, and X uploads them from its servers, not from a file: they hold the post. Which
    // of the unpaired previews are the unbound files' is not known, so only those beyond them count.
    return { items, unreadMedia: unpaired.length > unbound };
  }

  private onRemoveMedia(event: Event): void {
    const preview = event.isTrusted ? previewRemovedBy(event.target) : null;
    const key = preview && composerScope(preview).editors[0];
    const source = preview && readPreview(preview).source;
    if (!preview) return;
    const file = key && source ? this.byComposer.get(key)?.files.find((candidate) => candidate.source === source) : undefined;
    if (file) file.removed = true;
    // Checked again once X's own handler has taken the preview away (one with no file held the post).
    setTimeout(this.onChange);
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
      const photo = file.type.startsWith('image/') || file.type === '';
      const tracked: TrackedFile = { attachment, bytes: file.size, pending: photo, unread: null, failure: null, source: null, removed: false, previewsSeen: false };
      entry.files.push(tracked);
      // A personal account's photo is left alone: not read, not sent to be analysed.
      if (photo && this.forGuardedAccount()) this.read(key, tracked, file);
      else if (photo) {
        tracked.unread = file;
        this.withUnread.add(key);
      }
    }
    this.onChange();
  }

  private read(key: Element, tracked: TrackedFile, file: File): void {
    tracked.unread = null;
    this.readAttachment(file)
      .catch((): PhotoProblem => 'photo-check-failed')
      .then((found) => {
        if (typeof found === 'string') tracked.failure = found;
        else {
          Object.assign(tracked.attachment, found);
          this.analysed.set(found.analysisId, key);
        }
      })
      .finally(() => {
        tracked.pending = false;
        this.onAnswer();
      });
  }

  private entry(key: Element): ComposerAttachments {
    let entry = this.byComposer.get(key);
    if (!entry) {
      entry = { files: [], alts: new Map() };
      this.byComposer.set(key, entry);
    }
    return entry;
  }
}
