/**
 * Watches every composer as staff type and stands in front of every way to post. Submissions are
 * caught in the capture phase on window, before X's own handlers, and checked synchronously
 * against the text in the composer at that moment.
 */
import type { Finding, RuleId } from '../policy/types';
import { sendRequest } from '../shared/send-request';
import type { AuditEntryInput } from '../shared/messages';
import { allFindings, decideComposer, mayPost, type ComposerDecision } from './composer-check';
import { FindingsPanel, type PanelConfirmation, type PanelView } from './findings-panel';
import type { GuardConnection } from './guard-connection';
import type { NetworkBackstop } from './network-backstop';
import { activeAccountHandle, composerScope, editorOf, postButtonOf } from './x-dom';

const HASHTAG_WORDS = 'parents agreed';

export class ComposerGuard {
  /** Confirmations per composer, keyed by its first editor, which X replaces when the composer is reset. */
  private readonly confirmations = new WeakMap<Element, Set<RuleId>>();
  private readonly panel: FindingsPanel;
  private activeEditor: HTMLElement | null = null;
  private frame = 0;
  private postsThisWeek: Record<string, number> = {};

  constructor(
    private readonly connection: GuardConnection,
    private readonly backstop: NetworkBackstop,
    private readonly signal: AbortSignal,
  ) {
    this.panel = new FindingsPanel((rule) => this.confirm(rule), signal);
  }

  start(): void {
    const options = { capture: true, signal: this.signal };
    window.addEventListener('click', (event) => this.onClick(event), options);
    window.addEventListener('keydown', (event) => this.onKey(event), options);
    window.addEventListener('keyup', (event) => this.onKey(event), options);
    for (const type of ['input', 'focusin', 'paste', 'drop', 'cut'] as const) {
      window.addEventListener(type, (event) => this.onEdit(event), { passive: true, capture: true, signal: this.signal });
    }
    this.connection.onChange(() => {
      this.refreshPostCounts();
      this.scheduleUpdate();
    });
  }

  private onEdit(event: Event): void {
    const editor = editorOf(event.target);
    if (!editor) return;
    this.activeEditor = editor;
    this.scheduleUpdate();
  }

  /** Coalesces keystrokes into one check per frame, so typing never waits for the guard. */
  private scheduleUpdate(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.updatePanel();
    });
  }

  private updatePanel(): void {
    const editor = this.activeEditor;
    if (!editor?.isConnected) {
      this.panel.hide();
      return;
    }
    const decision = this.decide(editor);
    if (decision.kind === 'unguarded' || (decision.kind === 'checked' && isEmpty(decision))) {
      this.panel.hide();
      return;
    }
    this.panel.show(editor, this.viewOf(decision, false));
  }

  private onClick(event: MouseEvent): void {
    const hit = postButtonOf(event.target);
    if (!hit) return;
    this.guardSubmission(event, hit.button);
  }

  private onKey(event: KeyboardEvent): void {
    if (event.isComposing) return;
    if (event.type === 'keydown' && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      const editor = editorOf(event.target);
      if (editor) this.guardSubmission(event, editor);
      return;
    }
    // X's older role="button" posts on Enter/Space without a click event.
    if (event.key === 'Enter' || event.key === ' ') {
      const hit = postButtonOf(event.target);
      if (hit && !(hit.button instanceof HTMLButtonElement)) this.guardSubmission(event, hit.button);
    }
  }

  private guardSubmission(event: Event, from: HTMLElement): void {
    const decision = this.decide(from);
    if (mayPost(decision)) {
      if (decision.kind === 'checked') {
        this.backstop.approve(decision.editors.map((entry) => entry.text));
        this.recordPosted(decision);
      }
      return;
    }
    if (decision.kind === 'checked' && isEmpty(decision)) return; // X's button is disabled on an empty draft.
    event.preventDefault();
    event.stopImmediatePropagation();
    const anchor = decision.kind === 'checked' ? decision.editors[0]?.editor ?? from : from;
    this.activeEditor = editorOf(anchor) ?? this.activeEditor;
    this.panel.show(anchor, this.viewOf(decision, true));
    this.panel.focus();
    this.audit(decision, decision.kind === 'checked' && decision.verdict === 'warn' ? 'warned' : 'blocked');
  }

  private decide(from: Element): ComposerDecision {
    const scope = composerScope(from);
    const key = scope.editors[0];
    return decideComposer(this.connection.state, {
      editors: scope.editors,
      health: scope.health,
      attachments: [],
      confirmed: (key && this.confirmations.get(key)) || new Set(),
      postsThisWeek: this.postsThisWeek,
    });
  }

  private confirm(rule: RuleId): void {
    const editor = this.activeEditor;
    if (!editor) return;
    const key = composerScope(editor).editors[0];
    if (!key) return;
    const set = this.confirmations.get(key) ?? new Set<RuleId>();
    set.add(rule);
    this.confirmations.set(key, set);
    const decision = this.decide(editor);
    this.audit(decision, rule === 'hashtag' ? 'exception-confirmed' : 'acknowledged', [rule]);
    this.updatePanel();
  }

  private viewOf(decision: ComposerDecision, atSubmit: boolean): PanelView {
    if (decision.kind === 'hold') {
      return { tone: 'hold', headline: 'Posting is paused', findings: [], notices: [decision.message], confirmations: [] };
    }
    const findings = allFindings(decision);
    const notices: string[] = [];
    if (decision.kind === 'checked' && decision.health === 'degraded') {
      notices.push('X has changed its page, so School Post Guard is running in a safer, stricter mode. Tell your ICT lead.');
    }
    const state = this.connection.state;
    if (state.kind === 'ready' && state.roster?.stale) {
      notices.push(`The pupil roster was last updated on ${new Date(state.roster.importedAt).toLocaleDateString('en-GB')}. Ask your ICT lead to update it.`);
    }
    const verdict = decision.kind === 'checked' ? decision.verdict : 'pass';
    const headline =
      verdict === 'block' ? (atSubmit ? 'Not posted: this post breaks the school’s posting policy' : 'This post cannot go out yet')
        : verdict === 'warn' ? 'Check this before posting'
          : 'Ready to post';
    return { tone: verdict, headline, findings, notices, confirmations: confirmationsFor(findings) };
  }

  private recordPosted(decision: Extract<ComposerDecision, { kind: 'checked' }>): void {
    const className = decision.editors[0]?.result.className ?? null;
    const account = activeAccountHandle();
    void sendRequest({ type: 'record-post', className, kind: 'general', account }).then(() => this.refreshPostCounts(), () => undefined);
    this.audit(decision, 'posted');
  }

  private refreshPostCounts(): void {
    sendRequest({ type: 'get-posts-this-week' }).then((counts) => {
      this.postsThisWeek = counts;
    }, () => undefined);
  }

  private audit(decision: ComposerDecision, outcome: AuditEntryInput['outcome'], rules?: RuleId[]): void {
    if (decision.kind === 'unguarded') return;
    const findings = allFindings(decision);
    const entry: AuditEntryInput = {
      account: activeAccountHandle(),
      className: decision.kind === 'checked' ? decision.editors[0]?.result.className ?? null : null,
      rules: rules ?? [...new Set(findings.map((finding) => finding.rule))],
      outcome,
    };
    sendRequest({ type: 'record-audit', entry }).catch(() => undefined);
  }
}

function isEmpty(decision: Extract<ComposerDecision, { kind: 'checked' }>): boolean {
  return decision.editors.every((entry) => entry.text.trim() === '');
}

/** The confirmations the panel offers: never for a block without a policy exception. */
function confirmationsFor(findings: Finding[]): PanelConfirmation[] {
  const offered = new Map<RuleId, PanelConfirmation>();
  const blocksWithoutException = findings.some((f) => f.severity === 'block' && !f.exception && f.rule !== 'photo-consent');
  if (blocksWithoutException) return [];
  for (const finding of findings) {
    if (offered.has(finding.rule)) continue;
    if (finding.exception) {
      offered.set(finding.rule, { rule: finding.rule, statement: finding.exception.prompt, typeWords: HASHTAG_WORDS });
    } else if (finding.rule === 'photo-consent') {
      offered.set(finding.rule, { rule: finding.rule, statement: finding.message });
    } else if (finding.severity === 'warn') {
      offered.set(finding.rule, { rule: finding.rule, statement: 'I have read the warning above and this post is fine to send.' });
    }
  }
  return [...offered.values()];
}
