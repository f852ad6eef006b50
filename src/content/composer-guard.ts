/**
 * Watches every composer as staff type and stands in front of every way to post. Submissions are
 * caught in the capture phase on window, before X's own handlers, and checked synchronously
 * against what the composer holds at that moment.
 */
import { ruleMeta } from '../policy/rules/index';
import type { Finding, PostKind, RuleId } from '../policy/types';
import { sendRequest } from '../shared/send-request';
import { rosterIsStale, type AuditEntryInput, type TabGuardStatus } from '../shared/messages';
import { AttachmentTracker } from './attachment-tracker';
import { allFindings, decideComposer, fingerprintsOf, mayPost, type ComposerDecision } from './composer-check';
import type { PanelConfirmation, PanelView } from '../shared/panel-protocol';
import { FindingsPanel } from './findings-panel';
import { isGuardedAccount, type GuardConnection } from './guard-connection';
import { isKnownGuardedAccount } from './guarded-account';
import { HighlightLayer } from './highlight-layer';
import { checkAttachedPhoto } from './photo-check-client';
import { placeCaretAt } from './text-ranges';
import type { NetworkBackstop } from './network-backstop';
import { createOverlayRoot } from './overlay-root';
import { CheckScheduler, STAFF_EVENTS } from './check-timing';
import { ALT_TEXT_INPUT, activeAccountHandle, composerBox, composerScope, editorOf, findEditors, isDirectMessageEditor, postButtonOf, postButtonsIn, postingSheetButtonOf, type ComposerScope } from './x-dom';

/** What staff have told the guard about one composer. */
interface ComposerChoices {
  /** Per rule, the fingerprints of the findings staff confirmed. */
  confirmed: Map<RuleId, Set<string>>;
  kind: PostKind;
}

export class ComposerGuard {
  /** Keyed by a composer's first editor, which X replaces when the composer is reset after posting. */
  private readonly choices = new WeakMap<Element, ComposerChoices>();
  private readonly panel: FindingsPanel;
  private readonly highlights: HighlightLayer;
  private readonly attachments: AttachmentTracker;
  /** The element the panel is anchored to: an editor, or the alt-text box while it is being typed in. */
  private activeEditor: HTMLElement | null = null;
  private anchor: HTMLElement | null = null;
  /** When the composer is checked, and for how long x.com's page sees it busy (check-timing.ts). */
  private readonly checks = new CheckScheduler(() => this.renderNow());
  /**
   * Draft.js inserts some characters itself (past 280 characters, inside a #tag or @mention) and
   * then no `input` event fires: the editor's own mutations are what say its text changed.
   */
  private readonly editorObserver = new MutationObserver(() => this.checks.changed());
  private postsThisWeek: Record<string, number> = {};
  /**
   * The Post button of the last submission the guard let through, until X sends it: a sheet X shows
   * after that click ("Not this time") posts that composer as it is then, so it is checked again.
   */
  private letThrough: HTMLElement | null = null;

  constructor(
    private readonly connection: GuardConnection,
    private readonly backstop: NetworkBackstop,
    private readonly signal: AbortSignal,
  ) {
    const shadow = createOverlayRoot(signal);
    this.highlights = new HighlightLayer(shadow, signal);
    this.panel = new FindingsPanel(shadow, {
      confirm: (rule) => this.confirm(rule),
      setPostKind: (kind) => this.setPostKind(kind),
      escape: () => this.backToDraft(true),
      leave: () => this.backToDraft(false),
    }, signal);
    this.attachments = new AttachmentTracker(checkAttachedPhoto, () => isKnownGuardedAccount(this.connection.state, activeAccountHandle()), () => this.checks.changed(), () => this.checks.answered(), signal);
    signal.addEventListener('abort', () => this.editorObserver.disconnect(), { once: true });
  }

  start(): void {
    const options = { capture: true, signal: this.signal };
    window.addEventListener('click', (event) => this.onClick(event), options);
    window.addEventListener('keydown', (event) => this.onKey(event), options);
    window.addEventListener('keyup', (event) => this.onKey(event), options);
    for (const type of STAFF_EVENTS) window.addEventListener(type, (event) => this.checks.noteEvent(event), { passive: true, capture: true, signal: this.signal });
    // A script's own event changes nothing a check reads; what a script really changes the editor's observer sees.
    for (const type of ['input', 'focusin', 'paste', 'drop', 'cut'] as const) {
      window.addEventListener(type, (event) => {
        if (event.isTrusted) this.edited(event.target);
      }, { passive: true, capture: true, signal: this.signal });
    }
    this.signal.addEventListener('abort', () => this.checks.stop(), { once: true });
    this.connection.onChange(() => {
      this.refreshPostCounts();
      // Photos attached before the school's handles arrived.
      this.attachments.readUnread();
      this.checks.changed();
    });
    // Put into a page already open (see guard-injection.ts), staff may be mid-draft: that draft is shown checked straight away.
    if (document.activeElement) this.edited(document.activeElement);
  }

  /** The blur tool's copy of an attached photo, in its place (see AttachmentTracker.replacePhoto). */
  putBlurredPhoto(analysisId: string, jpeg: Uint8Array): boolean {
    return this.attachments.replacePhoto(analysisId, jpeg);
  }

  /** For the toolbar popup: is this tab guarded, as whom, and how well can the guard see X's page. */
  status(): TabGuardStatus {
    const state = this.connection.state;
    const account = activeAccountHandle();
    return { guarded: isGuardedAccount(state, account), account, health: findEditors().health, state: state.kind };
  }

  private edited(target: EventTarget | null): void {
    if (target instanceof HTMLTextAreaElement && target.matches(ALT_TEXT_INPUT)) {
      this.anchor = target;
      this.checks.changed();
      return;
    }
    const editor = editorOf(target);
    if (!editor) return;
    this.setActiveEditor(editor);
    this.anchor = editor;
    this.checks.changed();
  }

  /** The editor staff work in: its own mutations are watched, as Draft.js inserts some characters itself. */
  private setActiveEditor(editor: HTMLElement): void {
    if (editor === this.activeEditor) return;
    this.editorObserver.disconnect();
    this.editorObserver.observe(editor, { subtree: true, childList: true, characterData: true });
    this.activeEditor = editor;
    const key = composerScope(editor).editors[0];
    if (key) this.attachments.noteActiveComposer(key);
  }

  /** How many characters of a school draft were checked; null when nothing was (no draft, not the school's account). */
  private renderNow(): number | null {
    const editor = this.activeEditor;
    if (!editor?.isConnected) {
      this.panel.hide();
      this.highlights.clear();
      return null;
    }
    // The composer is looked up once per check: this runs on every keystroke.
    const scope = composerScope(editor);
    const decision = this.decide(scope);
    if (decision.kind === 'unguarded' || (decision.kind === 'checked' && isEmpty(decision))) {
      this.panel.hide();
      this.highlights.clear();
      return null;
    }
    const held = mayPost(decision) ? [] : postButtonsIn(scope.root);
    this.highlights.show(decision.kind === 'checked' ? decision.editors.map(({ editor: e, result }) => ({ editor: e, findings: result.findings })) : [], held);
    this.panel.show(composerBox(this.anchor?.isConnected ? this.anchor : editor, scope), editor, this.viewOf(decision, false, scope));
    return decision.kind === 'checked' ? decision.editors.reduce((sum, entry) => sum + entry.text.length, 0) : 0;
  }

  private onClick(event: MouseEvent): void {
    const hit = postButtonOf(event.target);
    if (hit) this.guardSubmission(event, hit.button);
    else if (postingSheetButtonOf(event.target)) this.guardFollowUp(event);
  }

  /** A follow-up sheet's posting button: the composer let through at Post is checked again, as it is now. */
  private guardFollowUp(event: Event): void {
    const from = this.letThrough;
    if (!from?.isConnected) return;
    this.guardSubmission(event, from);
  }

  private onKey(event: KeyboardEvent): void {
    if (event.isComposing) return;
    if (event.type === 'keydown' && event.key === 'Enter') {
      const editor = editorOf(event.target);
      // Ctrl/Cmd+Enter posts from any composer; in a direct message a plain Enter sends.
      const sends = event.ctrlKey || event.metaKey || (editor !== null && isDirectMessageEditor(editor) && !event.shiftKey && !event.altKey);
      if (editor && sends) this.guardSubmission(event, editor, { keepFocus: !isDirectMessageEditor(editor) });
      if (editor) return;
    }
    // X's older role="button" posts on Enter/Space without a click event; a real <button> clicks.
    if (event.key === 'Enter' || event.key === ' ') {
      const hit = postButtonOf(event.target);
      if (hit && !(hit.button instanceof HTMLButtonElement)) this.guardSubmission(event, hit.button);
      const sheetButton = postingSheetButtonOf(event.target);
      if (sheetButton && !(sheetButton instanceof HTMLButtonElement)) this.guardFollowUp(event);
    }
  }

  /**
   * `keepFocus`: Ctrl/Cmd+Enter in a post composer is a typing shortcut, and staff often go on
   * typing straight after it; focus stays in the draft (the panel shows why). Everywhere else —
   * Post, Send, Enter in a message — focus moves to the panel's first control.
   */
  private guardSubmission(event: Event, from: HTMLElement, { keepFocus = false } = {}): void {
    if (!event.isTrusted) {
      // A script's click or key press, not staff's: stopped the same way whatever the draft says,
      // unchecked and unlogged, so a page script cannot sort names by how the guard answers. A post
      // a script makes by other means still meets the network backstop.
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    const scope = composerScope(from);
    const decision = this.decide(scope);
    if (mayPost(decision)) {
      if (decision.kind === 'checked') {
        this.letThrough = from;
        const onSent = this.postRecorder(decision, scope);
        // The approval is for this text with exactly these media and descriptions (media belong to the first post).
        const media = this.attachments.mediaFor(scope.editors[0], scope.root);
        this.backstop.approve(decision.editors.map((entry, index) => ({ text: entry.text, media: index === 0 ? media : [], ...(index === 0 ? { onSent } : {}) })));
      }
      return;
    }
    if (decision.kind === 'checked' && isEmpty(decision)) return; // X's button is disabled on an empty draft.
    event.preventDefault();
    event.stopImmediatePropagation();
    const editor = decision.kind === 'checked' ? decision.editors[0]?.editor : undefined;
    const anchor = editor ?? from;
    const blockedEditor = editorOf(anchor);
    if (blockedEditor) this.setActiveEditor(blockedEditor);
    this.anchor = anchor;
    this.panel.show(composerBox(anchor, scope), blockedEditor ?? anchor, this.viewOf(decision, true, scope));
    if (!keepFocus) this.panel.focus();
    this.audit(decision, decision.kind === 'checked' && decision.verdict === 'warn' ? 'warned' : 'blocked');
  }

  private decide(scope: ComposerScope): ComposerDecision {
    const key = scope.editors[0];
    const choices = key ? this.choices.get(key) : undefined;
    // A photo attached on a personal account is checked once the school's is the one posting (X Pro
    // and the compose dialog keep the draft when staff switch): until then the post is held.
    this.attachments.readUnread();
    return decideComposer(this.connection.state, {
      editors: scope.editors,
      health: scope.health,
      attachments: this.attachments.attachmentsFor(key, scope.root),
      attachmentReading: this.attachments.reading(key, scope.root),
      confirmed: choices?.confirmed ?? new Map(),
      kind: choices?.kind ?? 'general',
      postsThisWeek: this.postsThisWeek,
    });
  }

  private choicesFor(scope: ComposerScope): ComposerChoices | null {
    const key = scope.editors[0];
    if (!key) return null;
    let choices = this.choices.get(key);
    if (!choices) {
      choices = { confirmed: new Map(), kind: 'general' };
      this.choices.set(key, choices);
    }
    return choices;
  }

  private confirm(rule: RuleId): void {
    if (!this.activeEditor) return;
    const scope = composerScope(this.activeEditor);
    const choices = this.choicesFor(scope);
    if (!choices) return;
    const decision = this.decide(scope);
    const seen = choices.confirmed.get(rule) ?? new Set<string>();
    for (const key of fingerprintsOf(decision, rule)) seen.add(key);
    choices.confirmed.set(rule, seen);
    const lifted = allFindings(decision).some((finding) => finding.rule === rule && finding.confirmation !== undefined);
    this.audit(decision, lifted ? 'exception-confirmed' : 'acknowledged', [rule]);
    this.checks.now();
  }

  private setPostKind(kind: PostKind): void {
    const choices = this.activeEditor && this.choicesFor(composerScope(this.activeEditor));
    if (!choices) return;
    choices.kind = kind;
    this.checks.now();
  }

  private viewOf(decision: ComposerDecision, atSubmit: boolean, scope: ComposerScope): PanelView {
    const state = this.connection.state;
    const staleRosterSince = state.kind === 'ready' && state.roster && rosterIsStale(state.roster) ? { staleRosterSince: state.roster.importedAt } : {};
    if (decision.kind === 'hold') {
      return { tone: 'hold', atSubmit, hold: decision.why, findings: [], confirmations: [], degraded: false, ...staleRosterSince };
    }
    const findings = allFindings(decision);
    const first = decision.kind === 'checked' ? decision.editors[0] : undefined;
    const asides = new Set(findings.map((finding) => ruleMeta(finding.rule).aside));
    const key = scope.editors[0];
    const choices = key ? this.choices.get(key) : undefined;
    const photoIds = (first?.draft.attachments ?? []).flatMap((attachment) => (attachment.analysisId ? [attachment.analysisId] : []));
    return {
      tone: decision.kind === 'checked' ? decision.verdict : 'pass',
      atSubmit,
      findings: findings.map(({ rule, severity, message, fix }) => {
        const together = ruleMeta(rule).together?.[message.key];
        return { rule, severity, message, ...(together ? { together } : {}), ...(fix ? { fix } : {}) };
      }),
      confirmations: confirmationsFor(findings, decision.kind === 'checked' && decision.hasAttachments),
      degraded: decision.kind === 'checked' && decision.health === 'degraded',
      ...staleRosterSince,
      ...(asides.has('pupils-without-consent') ? { consentClasses: first?.result.classNames ?? [] } : {}),
      ...(photoIds.length > 0 ? { photoIds } : {}),
      ...(asides.has('post-kind') || (choices && choices.kind !== 'general') ? { postKind: choices?.kind ?? 'general' } : {}),
    };
  }

  /**
   * Escape or Tab out of the panel: keyboard focus back in the draft, with the caret at the first
   * marked words on Escape (where staff have something to change), else where it was.
   */
  private backToDraft(atFirstFinding: boolean): void {
    const editor = this.activeEditor;
    if (!editor?.isConnected) return;
    editor.focus();
    if (!atFirstFinding) return;
    const decision = this.decide(composerScope(editor));
    if (decision.kind !== 'checked') return;
    const entry = decision.editors.find(({ result }) => result.findings.some((finding) => finding.target.kind === 'text'));
    const finding = entry?.result.findings.find((candidate) => candidate.target.kind === 'text');
    if (entry && finding) {
      entry.editor.focus();
      placeCaretAt(entry.editor, finding.start);
    }
  }

  /**
   * What to record once X really sends the approved post (not at the click: X may still show a
   * reminder, and staff may go back). Read now, while the composer is still on the page.
   */
  private postRecorder(decision: Extract<ComposerDecision, { kind: 'checked' }>, scope: ComposerScope): () => void {
    const classNames = decision.editors[0]?.result.classNames ?? [];
    const key = scope.editors[0];
    const kind = (key && this.choices.get(key)?.kind) || 'general';
    const account = activeAccountHandle();
    const isPost = !decision.editors.some((entry) => isDirectMessageEditor(entry.editor));
    // The log says which rules staff confirmed to let it go (a warning, photo consent, the exception).
    const confirmed = [...new Set(decision.editors.flatMap(({ result }) => (result.confirmedFindings ?? []).map((finding) => finding.rule)))];
    return () => {
      // Sent: what staff confirmed was for this post only, even if X keeps the same editor.
      if (key) this.choices.delete(key);
      this.letThrough = null;
      if (isPost) void sendRequest({ type: 'record-post', classNames, kind, account }).then(() => this.refreshPostCounts(), () => undefined);
      this.audit(decision, 'posted', confirmed);
    };
  }

  private refreshPostCounts(): void {
    sendRequest({ type: 'get-posts-this-week' }).then((counts) => {
      this.postsThisWeek = counts;
    }, () => undefined);
  }

  private audit(decision: ComposerDecision, outcome: AuditEntryInput['outcome'], rules?: RuleId[]): void {
    if (decision.kind === 'unguarded') return;
    const entry: AuditEntryInput = {
      account: activeAccountHandle(),
      className: decision.kind === 'checked' ? decision.editors[0]?.result.className ?? null : null,
      rules: rules ?? [...new Set(allFindings(decision).map((finding) => finding.rule))],
      outcome,
    };
    sendRequest({ type: 'record-audit', entry }).catch(() => undefined);
    if (outcome !== 'blocked' && outcome !== 'warned') return;
    // A name read beside another word may be no pupil at all ("Grace Court" care home): the ICT lead is asked.
    const phrases = allFindings(decision).flatMap((finding) => (finding.neverANameOffer ? [finding.neverANameOffer] : []));
    if (phrases.length > 0) sendRequest({ type: 'record-never-a-name-offers', phrases }).catch(() => undefined);
  }
}

function isEmpty(decision: Extract<ComposerDecision, { kind: 'checked' }>): boolean {
  return decision.editors.every((entry) => entry.text.trim() === '') && !decision.hasAttachments;
}

/**
 * The confirmations the panel offers: none while a block nobody may confirm remains. A block is
 * confirmed as its rule's metadata says (a click, or typed words, in the rule's words for a post with
 * or without photos); a warning is acknowledged with a click, in the panel's own words.
 */
function confirmationsFor(findings: Finding[], hasPhotos: boolean): PanelConfirmation[] {
  const offered = new Map<RuleId, PanelConfirmation>();
  if (findings.some((finding) => finding.severity === 'block' && !finding.confirmation)) return [];
  for (const finding of findings) {
    if (offered.has(finding.rule)) continue;
    const { confirmation } = finding;
    if (confirmation) {
      const statement = hasPhotos ? confirmation.prompt : confirmation.promptWithoutPhotos ?? confirmation.prompt;
      offered.set(finding.rule, { rule: finding.rule, statement, afterList: confirmation.afterList, ...(confirmation.kind === 'typed' ? { typeWords: confirmation.words } : {}) });
    } else if (finding.severity === 'warn') {
      offered.set(finding.rule, { rule: finding.rule });
    }
  }
  return [...offered.values()];
}
