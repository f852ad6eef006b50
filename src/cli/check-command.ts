/**
 * `check`: drafts as JSON lines in, one verdict line out per draft. Every line is read and
 * validated before anything is written: a bad line exits 2 naming it, with nothing half-written.
 */
import * as v from 'valibot';
import { checkDraft, type CompiledPolicy } from '../policy/engine';
import { basename } from 'node:path';
import { namePhotoLines } from '../policy/photo-text-names';
import { RULE_IDS } from '../policy/rules/index';
import type { Attachment, CheckResult, Draft } from '../policy/types';
import { analyseAttachmentFile } from './attachment-files';
import { tMessage } from '../shared/i18n';
import { InputError } from '../shared/input-error';

const DraftLineSchema = v.object({
  id: v.optional(v.union([v.string(), v.number()])),
  text: v.string('"text" must be a string'),
  attachments: v.optional(
    v.array(
      v.object({
        name: v.optional(v.string(), ''),
        alt: v.optional(v.string(), ''),
        type: v.optional(v.string(), ''),
        metadataText: v.optional(v.array(v.string())),
        path: v.optional(v.pipe(v.string(), v.minLength(1, '"path" names a file'))),
        gps: v.optional(v.nullable(v.object({ latitude: v.number(), longitude: v.number() }))),
      }),
    ),
    [],
  ),
  confirmed: v.optional(v.array(v.picklist(RULE_IDS, `a confirmation is one of the rule ids: ${RULE_IDS.join(', ')}`)), []),
  postsThisWeek: v.optional(v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(0)))),
  kind: v.optional(v.picklist(['general', 'event', 'residential'])),
});

interface DraftLine {
  id: string | number;
  draft: Draft;
  /** Where the line is, for messages ("stdin line 3"). */
  where: string;
  /** Per attachment, the file to read and analyse, if one was given. */
  paths: (string | undefined)[];
}

export function parseDraftLines(input: string, source: string): DraftLine[] {
  const lines: DraftLine[] = [];
  input.split(/\r?\n/).forEach((line, index) => {
    const where = `${source} line ${index + 1}`;
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new InputError(`${where}: not valid JSON (${(error as Error).message})`);
    }
    const parsed = v.safeParse(DraftLineSchema, json);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      throw new InputError(`${where}: ${issue ? `${v.getDotPath(issue) ?? 'the line'}: ${issue.message}` : 'not a draft'}`);
    }
    const { id, attachments, ...rest } = parsed.output;
    const draft: Draft = { ...rest, attachments: attachments.map(({ path: _path, ...attachment }) => attachment) };
    lines.push({ id: id ?? String(index + 1), draft, where, paths: attachments.map((attachment) => attachment.path) });
  });
  return lines;
}

/** The CLI's output shape: the contract's fields, plus the fix and, for attachments, where. */
export function resultJson(result: CheckResult): object {
  return {
    verdict: result.verdict,
    findings: result.findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      start: finding.start,
      end: finding.end,
      // The words the extension shows, from the same _locales file (read as JSON: no browser here).
      message: tMessage(finding.message),
      ...(finding.fix ? { fix: tMessage(finding.fix) } : {}),
      ...(finding.target.kind === 'attachment' ? { target: finding.target } : {}),
    })),
  };
}

export async function runCheck(policy: CompiledPolicy, input: string): Promise<string> {
  const lines = parseDraftLines(input, 'stdin');
  // Files are read after every line validated, so a bad line still writes nothing.
  for (const line of lines) await addFileAnalyses(policy, line);
  return lines.map(({ id, draft, paths }) => {
    // For photos read from a file: where their faces are, for the photo-consent check by eye.
    const faces = paths.some((path) => path !== undefined) ? { faces: draft.attachments.map((attachment) => attachment.faces ?? null) } : {};
    return `${JSON.stringify({ id, ...resultJson(checkDraft(policy, draft)), ...faces })}\n`;
  }).join('');
}

async function addFileAnalyses(policy: CompiledPolicy, { draft, paths, where }: DraftLine): Promise<void> {
  for (const [index, path] of paths.entries()) {
    if (path === undefined) continue;
    const attachment = draft.attachments[index] as Attachment;
    const analysed = await analyseAttachmentFile(path, where);
    attachment.metadataText = [...(attachment.metadataText ?? []), ...(analysed.metadataText ?? [])];
    attachment.gps ??= analysed.gps ?? null;
    attachment.photoText = namePhotoLines(policy, analysed.photoText);
    attachment.faces = analysed.faces ?? [];
    attachment.name ||= basename(path);
    attachment.type ||= 'image/*';
  }
}
