/**
 * ESLint's RuleTester, for policy rules: a `valid` table (drafts the rule must not report, near
 * misses first) and an `invalid` table (drafts it must report, with the exact text each finding
 * marks). Drafts run through the whole engine, so class prefixes and levels apply as in use.
 */
import { describe, expect, test } from 'vitest';
import messages from '../../public/_locales/en_GB/messages.json';
import { attachmentFieldText } from '../../src/policy/attachment-field';
import { checkDraft, type CompiledPolicy } from '../../src/policy/engine';
import type { MessageText } from '../../src/policy/message-text';
import type { Attachment, Draft, Finding, FindingTarget, RuleId, Severity } from '../../src/policy/types';
import { tMessage } from '../../src/shared/i18n';
import { testPolicy } from './test-policy';

export interface RuleCase {
  text: string;
  attachments?: Attachment[];
  confirmed?: RuleId[];
  postsThisWeek?: Record<string, number>;
  kind?: Draft['kind'];
  placement?: Draft['placement'];
  accountAudience?: Draft['accountAudience'];
  /** Another policy for this case (other settings or roster). */
  policy?: CompiledPolicy;
  /** Why the case is here, when the text alone does not say. */
  note?: string;
}

export interface ExpectedFinding {
  /** The characters the finding marks, sliced from the draft text (or from the attachment field). */
  marks: string;
  severity?: Severity;
  target?: Partial<Extract<FindingTarget, { kind: 'attachment' }>>;
  /** A part of the message or fix a teacher must see. */
  says?: string;
  /** The never-a-name phrase the finding offers the ICT lead; none unless given. */
  offers?: string;
}

export interface InvalidCase extends RuleCase {
  findings: ExpectedFinding[];
}

/** The sentence's key is in the en_GB file and gets one substitution per placeholder there: a gap would show staff "$2" or nothing. */
function expectInLocale(text: MessageText): void {
  const entry = (messages as Record<string, { placeholders?: object }>)[text.key];
  expect(entry, text.key).toBeDefined();
  expect(text.substitutions.length, text.key).toBe(Object.keys(entry?.placeholders ?? {}).length);
}

export function ruleTester(rule: RuleId, tables: { valid: (string | RuleCase)[]; invalid: InvalidCase[] }, policy: CompiledPolicy = testPolicy()): void {
  const run = (entry: RuleCase): Finding[] => {
    const result = checkDraft(entry.policy ?? policy, {
      text: entry.text,
      attachments: entry.attachments ?? [],
      confirmed: entry.confirmed ?? [],
      ...(entry.postsThisWeek ? { postsThisWeek: entry.postsThisWeek } : {}),
      ...(entry.kind ? { kind: entry.kind } : {}),
      ...(entry.placement ? { placement: entry.placement } : {}),
      ...(entry.accountAudience ? { accountAudience: entry.accountAudience } : {}),
    });
    return result.findings.filter((finding) => finding.rule === rule);
  };
  const marked = (entry: RuleCase, finding: Finding): string => {
    const { target } = finding;
    if (target.kind === 'text') return entry.text.slice(finding.start, finding.end);
    const attachment = entry.attachments?.[target.index];
    const field = attachmentFieldText(attachment, target);
    return (field ?? '').slice(finding.start, finding.end);
  };

  describe(`${rule}: valid`, () => {
    for (const entry of tables.valid.map((item) => (typeof item === 'string' ? { text: item } : item))) {
      test(JSON.stringify(entry.text) + (entry.note ? ` (${entry.note})` : ''), () => {
        expect(run(entry).map((finding) => `${finding.severity}: ${marked(entry, finding)} — ${tMessage(finding.message)}`)).toEqual([]);
      });
    }
  });

  describe(`${rule}: invalid`, () => {
    for (const entry of tables.invalid) {
      test(JSON.stringify(entry.text) + (entry.note ? ` (${entry.note})` : ''), () => {
        const findings = run(entry);
        expect(findings.map((finding) => marked(entry, finding))).toEqual(entry.findings.map((expected) => expected.marks));
        findings.forEach((finding, index) => {
          const expected = entry.findings[index] as ExpectedFinding;
          expect(finding.severity).toBe(expected.severity ?? 'block');
          if (expected.target) expect(finding.target).toMatchObject(expected.target);
          // As staff read it: the en_GB words of the finding's keys.
          if (expected.says) expect(`${tMessage(finding.message)} ${finding.fix ? tMessage(finding.fix) : ''}`).toContain(expected.says);
          // No row offers a never-a-name phrase unless it says so: an offer accepted by mistake unblocks a child.
          expect(finding.neverANameOffer ?? null).toBe(expected.offers ?? null);
          expectInLocale(finding.message);
          if (finding.fix) expectInLocale(finding.fix);
        });
      });
    }
  });
}
