/**
 * The findings panel, in an extension-origin frame beside the composer: x.com's page cannot read
 * its words, find them or measure them, and the frame's size and place do not depend on them. It
 * says what is wrong once per kind (the rule's name as the options page shows it, each distinct
 * reason, one fix line), offers the confirmations the policy allows, shows the pupils without photo
 * consent (in their own frame, always present so the page cannot count frames either), and hands
 * the keyboard back to the draft on Escape or when Tab leaves it. Its own words are in _locales.
 */
import type { PostKind, RuleId } from '../policy/types';
import { t, tMessage } from '../shared/i18n';
import { CONSENT_PAGE, isConsentListState, pageAddress, type FromPanel, type HoldReason, type PanelConfirmation, type PanelFinding, type PanelView, type ToPanel } from '../shared/panel-protocol';
import { ruleLabelKey } from '../shared/rule-label-key';
import { connectToGuard } from './frame-port';

/** Why the guard holds a post, in staff's words (written out per key, so tests/shared/i18n.test.ts can check each). */
function holdWords(reason: HoldReason): string {
  switch (reason) {
    case 'connecting': return t('panel_hold_connecting');
    case 'no-roster': return t('panel_hold_no_roster');
    case 'invalidated': return t('panel_hold_invalidated');
    case 'reading-attachments': return t('panel_hold_reading_attachments');
    case 'photo-too-large': return t('panel_hold_photo_too_large');
    case 'photo-not-a-picture': return t('panel_hold_photo_not_a_picture');
    case 'photo-details-unreadable': return t('panel_hold_photo_details_unreadable');
    case 'photo-check-failed': return t('panel_hold_photo_check_failed');
    case 'unreadable': return t('panel_hold_unreadable');
    case 'photo-not-attached': return t('panel_hold_photo_not_attached');
  }
}

const POST_KINDS: readonly { kind: PostKind; label: () => string }[] = [
  { kind: 'general', label: () => t('panel_post_kind_general') },
  { kind: 'event', label: () => t('panel_post_kind_event') },
  { kind: 'residential', label: () => t('panel_post_kind_residential') },
];

const panel = document.getElementById('panel') as HTMLElement;
const said = document.getElementById('said') as HTMLElement;
const consent = document.getElementById('consent') as HTMLIFrameElement;
const asked = document.getElementById('asked') as HTMLElement;
panel.setAttribute('aria-label', t('panel_title'));
document.title = t('panel_title');
consent.title = t('consent_page_title');
let send: (message: FromPanel) => void = () => undefined;
/** Where the no-consent frame is: it is moved by location.replace, which x.com cannot count in history.length. */
let consentAddress = 'about:blank';
/** Whether the frame at consentAddress said its no-consent list is on screen. */
let consentListShown = false;
let lastRendered = '';

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  // Only the consent frame of this panel, of the extension's origin, about the list it shows now (not an earlier one's).
  if (event.source !== consent.contentWindow || event.origin !== location.origin || !isConsentListState(event.data) || event.data.address !== pageAddress(new URL(consentAddress))) return;
  consentListShown = event.data.shown;
  gateOnList();
});

connectToGuard((port) => {
  send = (message) => port.postMessage(message);
  port.onmessage = (event: MessageEvent<ToPanel>) => {
    const message = event.data;
    if (message.type === 'view') show(message.view, message.consentToken);
    else focusFirstControl();
  };
});

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    event.preventDefault();
    send({ type: 'escape' });
  } else if (event.key === 'Tab') {
    const controls = focusableControls();
    const edge = event.shiftKey ? controls[0] : controls[controls.length - 1];
    if (controls.length === 0 || document.activeElement === edge || !panel.contains(document.activeElement)) {
      event.preventDefault();
      send({ type: 'leave' });
    }
  }
});

function show(view: PanelView | null, consentToken: string | null): void {
  const key = JSON.stringify([view, consentToken]);
  // Rebuilding identical content would reset focus and re-announce it to screen readers.
  if (key === lastRendered) return;
  lastRendered = key;
  showConsent(view?.consentClasses, view?.photoIds ?? [], consentToken);
  panel.hidden = view === null;
  if (!view) {
    said.replaceChildren();
    asked.replaceChildren();
    return;
  }
  // Staff were sent here at Post (while a photo was still being checked, say): the new view keeps them here.
  // Focus left on the frame's body counts too: it was sent while the panel was hidden, or its control went with a hidden panel.
  const hadFocus = panel.contains(document.activeElement) || (document.hasFocus() && document.activeElement === document.body);
  const badge = view.tone === 'pass' && view.confirmations.length === 0 && !view.postKind && !view.degraded && view.staleRosterSince === undefined;
  panel.dataset.tone = view.tone;
  panel.className = badge ? 'badge' : '';
  said.replaceChildren(...(badge ? [text('p', t('panel_badge_ready'))] : findingsOf(view)));
  asked.replaceChildren(...(badge ? [] : controlsOf(view)));
  gateOnList();
  // Focus on the panel itself means it had no control to offer then; it may have one now.
  if (hadFocus && (document.activeElement === panel || !panel.contains(document.activeElement))) focusFirstControl();
}

/** What the panel says: the headline, why the post is held, each rule's findings, notices. */
function findingsOf(view: PanelView): Node[] {
  const nodes: Node[] = [text('h1', headline(view))];
  if (view.hold) nodes.push(text('p', holdWords(view.hold)));
  for (const [rule, findings] of byRule(view.findings)) nodes.push(ruleSection(rule, findings));
  if (view.degraded) nodes.push(text('p', t('panel_notice_degraded'), 'notice'));
  if (view.staleRosterSince !== undefined) nodes.push(text('p', t('panel_notice_stale_roster', new Date(view.staleRosterSince).toLocaleDateString('en-GB')), 'notice'));
  return nodes;
}

/** What the panel asks, under the no-consent list: the kind of post, the confirmations, the keys. */
function controlsOf(view: PanelView): Node[] {
  const nodes: Node[] = [];
  if (view.postKind) nodes.push(postKindControl(view.postKind));
  for (const confirmation of view.confirmations) nodes.push(confirmationControl(confirmation));
  nodes.push(text('p', t('panel_keys_hint'), 'hint'));
  return nodes;
}

function headline(view: PanelView): string {
  if (view.tone === 'hold') return view.atSubmit ? t('panel_headline_hold_submit') : t('panel_headline_hold');
  if (view.tone === 'block') return view.atSubmit ? t('panel_headline_blocked_submit') : t('panel_headline_blocked');
  if (view.tone === 'warn') return t('panel_headline_warn');
  return t('panel_badge_ready');
}

/** The findings of each rule together, in the order the rules first appear. */
function byRule(findings: PanelFinding[]): Map<RuleId, PanelFinding[]> {
  const groups = new Map<RuleId, PanelFinding[]>();
  for (const finding of findings) groups.set(finding.rule, [...(groups.get(finding.rule) ?? []), finding]);
  return groups;
}

/** One rule: its name and how serious, each distinct thing it says, and each distinct fix once. */
function ruleSection(rule: RuleId, findings: PanelFinding[]): HTMLElement {
  const heading = text('h2', t(ruleLabelKey(rule)));
  const blocks = findings.some((finding) => finding.severity === 'block');
  heading.append(' ', text('span', `· ${blocks ? t('panel_severity_block') : t('panel_severity_warn')}`, 'severity'));
  // A sentence several findings share ("Posts must not name children.") is said once, after them.
  const sentences = [...new Set(linesOf(findings))].map((message) => message.split(/(?<=[.!?])\s+/));
  const shared = new Set(sentences.flat().filter((sentence, index, all) => all.indexOf(sentence) !== index));
  const list = document.createElement('ul');
  for (const parts of sentences) list.append(text('li', parts.filter((sentence) => !shared.has(sentence)).join(' ') || parts.join(' ')));
  const sharedLines = [...shared].map((sentence) => text('p', sentence, 'shared'));
  const fixes = [...new Set(findings.flatMap((finding) => (finding.fix ? [tMessage(finding.fix)] : [])))].map((fix) => text('p', t('panel_fix', fix), 'fix'));
  const section = document.createElement('section');
  section.dataset.rule = rule;
  section.append(heading, list, ...sharedLines, ...fixes);
  return section;
}

/**
 * What a rule's findings say, a line each; findings that differ only in their words (names that
 * share a reason) are one line, in the rule's sentence for several (RuleMeta.together).
 */
function linesOf(findings: PanelFinding[]): string[] {
  const groups = new Map<string, PanelFinding[]>();
  for (const finding of findings) {
    const [, ...rest] = finding.message.substitutions;
    const key = JSON.stringify(finding.together ? [finding.message.key, rest] : finding.message);
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  return [...groups.values()].map(([first, ...others]) => {
    const { message, together } = first as PanelFinding;
    const words = [...new Set([first as PanelFinding, ...others].map((finding) => finding.message.substitutions[0]))];
    if (!together || words.length < 2 || !words.every((word) => typeof word === 'string')) return tMessage(message);
    return tMessage({ key: together, substitutions: [listOf(words), ...message.substitutions.slice(1)] });
  });
}

/** "“Amelia”, “Noah” and “Kai”", in the words of _locales. */
function listOf(words: string[]): string {
  const quoted = words.map((word) => t('panel_quoted_words', word));
  const last = quoted.pop() as string;
  return t('panel_list_last', quoted.reduce((more, next) => t('panel_list_more', more, next)), last);
}

function confirmationControl(confirmation: PanelConfirmation): HTMLElement {
  const wrapper = text('div', '', 'confirm');
  wrapper.dataset.rule = confirmation.rule;
  wrapper.append(text('p', confirmation.statement ? tMessage(confirmation.statement) : t('panel_confirm_warning')));
  const button = text('button', confirmation.typeWords ? t('panel_confirm_button') : t('panel_confirm_checked'));
  button.setAttribute('type', 'button');
  const waiting = (): boolean => confirmation.afterList === true && !consentListShown;
  if (confirmation.afterList) {
    wrapper.dataset.afterList = '';
    const hint = text('p', t('panel_confirm_waits_for_list'), 'hint');
    hint.id = `waits-${confirmation.rule}`;
    button.setAttribute('aria-describedby', hint.id);
    wrapper.append(hint);
  }
  const words = confirmation.typeWords && tMessage(confirmation.typeWords);
  if (words) {
    const label = text('label', `${t('panel_type_words', words)} `);
    const input = document.createElement('input');
    input.type = 'text';
    label.append(input);
    wrapper.append(label);
    button.addEventListener('click', () => {
      if (waiting()) return;
      if (input.value.trim().toLowerCase() === words.toLowerCase()) send({ type: 'confirm', rule: confirmation.rule });
      else {
        input.setCustomValidity(t('panel_type_words_wrong'));
        input.reportValidity();
      }
    });
    input.addEventListener('input', () => input.setCustomValidity(''));
  } else {
    button.addEventListener('click', () => {
      if (!waiting()) send({ type: 'confirm', rule: confirmation.rule });
    });
  }
  wrapper.append(button);
  return wrapper;
}

function postKindControl(current: PostKind): HTMLElement {
  const group = text('fieldset', '', 'confirm');
  group.append(text('legend', t('panel_post_kind_legend')));
  for (const { kind, label } of POST_KINDS) {
    const option = text('label', '');
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = 'post-kind';
    radio.value = kind;
    radio.checked = kind === current;
    radio.addEventListener('change', () => send({ type: 'post-kind', kind }));
    option.append(radio, ` ${label()}`);
    group.append(option, document.createElement('br'));
  }
  return group;
}

/**
 * Loads the no-consent list for these classes (none: the whole school) and the attached photos with
 * what was found in them, or parks the frame empty. The frame's address carries the tab's token,
 * without which it shows nothing: this panel cannot tell whether the guard or x.com's page framed it
 * and sent it this view, and only the guard knows the token.
 */
function showConsent(classNames: string[] | undefined, photoIds: string[], token: string | null): void {
  const query = new URLSearchParams((classNames ?? []).map((name) => ['class', name]));
  if (classNames === undefined) query.set('photos-only', '');
  if (photoIds.length > 0) query.set('photos', photoIds.join(','));
  const shown = token !== null && (classNames !== undefined || photoIds.length > 0);
  const src = shown ? `${chrome.runtime.getURL(CONSENT_PAGE)}?${query.toString()}#${token}` : 'about:blank';
  if (consentAddress !== src) {
    consentListShown = false;
    // A new src would add a history entry per address, and the addresses follow the classes'
    // consent; replace adds none (the frame is this panel's origin or about:blank, so it may).
    consent.contentWindow?.location.replace(src);
    consentAddress = src;
  }
  consent.hidden = !shown;
  consent.classList.toggle('photos', photoIds.length > 0);
}

/**
 * A confirmation about the no-consent list (photo consent) can be given only once the list is on
 * screen: until its frame says so (it may still be loading, or have failed), staff would confirm
 * against nothing.
 */
function gateOnList(): void {
  for (const wrapper of asked.querySelectorAll<HTMLElement>('[data-after-list]')) {
    // aria-disabled, not disabled: the button keeps its place in the keyboard order while it waits.
    wrapper.querySelector('button')?.setAttribute('aria-disabled', String(!consentListShown));
    const hint = wrapper.querySelector<HTMLElement>('.hint');
    if (hint) hint.hidden = consentListShown;
  }
}

function focusableControls(): HTMLElement[] {
  return [...panel.querySelectorAll<HTMLElement>('input, button')];
}

function focusFirstControl(): void {
  const first = panel.querySelector<HTMLElement>('input:checked, input:not([type="radio"]), button') ?? panel;
  if (first === panel) panel.tabIndex = -1;
  first.focus();
}

function text<K extends keyof HTMLElementTagNameMap>(tag: K, content: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = content;
  if (className) node.className = className;
  return node;
}
