/**
 * Archive check: an X data export (zip) → the posts that break the policy as it stands now, with
 * links to them on x.com. The same reader and engine as the CLI's `audit`, run here in the page on
 * the guard's current snapshot; the archive never leaves the page.
 */
import { useState } from 'preact/hooks';
import { readArchivePosts } from '../archive/x-archive';
import { checkDraft, compilePolicy } from '../policy/engine';
import type { Finding } from '../policy/types';
import { t } from '../shared/i18n';
import { formatCount } from '../shared/format-count';
import { sendRequest } from '../shared/send-request';
import { formatDateTime } from './format-date';
import { RULE_LABELS } from './rule-labels';

interface FlaggedPost {
  id: string;
  date: Date;
  text: string;
  verdict: 'block' | 'warn';
  findings: Finding[];
}

type CheckState =
  | { step: 'idle' }
  | { step: 'checking'; fileName: string; done: number; total: number }
  | { step: 'done'; fileName: string; total: number; flagged: FlaggedPost[] }
  | { step: 'failed'; message: string };

/** Posts checked between yields to the event loop, so the page stays responsive. */
const POSTS_PER_SLICE = 200;

export function ArchiveCheck() {
  const [state, setState] = useState<CheckState>({ step: 'idle' });

  const check = async (file: File) => {
    try {
      const { snapshot } = await sendRequest({ type: 'get-guard-state' });
      if (snapshot === null) {
        setState({ step: 'failed', message: t('options_archive_no_roster') });
        return;
      }
      const policy = compilePolicy(snapshot);
      const posts = readArchivePosts(new Uint8Array(await file.arrayBuffer()), file.name);
      const flagged: FlaggedPost[] = [];
      for (let start = 0; start < posts.length; start += POSTS_PER_SLICE) {
        setState({ step: 'checking', fileName: file.name, done: start, total: posts.length });
        await new Promise((resolve) => setTimeout(resolve, 0));
        for (const post of posts.slice(start, start + POSTS_PER_SLICE)) {
          const result = checkDraft(policy, { text: post.text, attachments: [], confirmed: [] });
          if (result.verdict !== 'pass') flagged.push({ ...post, verdict: result.verdict, findings: result.findings });
        }
      }
      flagged.sort((a, b) => b.date.getTime() - a.date.getTime());
      setState({ step: 'done', fileName: file.name, total: posts.length, flagged });
    } catch (error) {
      setState({ step: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section aria-labelledby="archive-heading">
      <h2 id="archive-heading">{t('options_section_archive')}</h2>
      <p class="hint">{t('options_archive_hint')}</p>
      <p
        class="drop-zone"
        onDragOver={(event) => event.preventDefault()}
        onDrop={(event) => {
          event.preventDefault();
          const file = event.dataTransfer?.files[0];
          if (file) void check(file);
        }}>
        <label class="file-label" for="archive-file">{t('options_archive_file_label')}</label>
        <input id="archive-file" type="file" accept=".zip,application/zip" disabled={state.step === 'checking'}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void check(file);
          }} />
      </p>
      {state.step === 'checking' && (
        <p>
          <label for="archive-progress">{t('options_archive_checking', state.fileName)}</label>{' '}
          <progress id="archive-progress" max={state.total} value={state.done}>{t('options_archive_progress', formatCount(state.done), formatCount(state.total))}</progress>
        </p>
      )}
      {state.step === 'failed' && <p role="alert" class="error">{state.message}</p>}
      <p role="status">
        {state.step === 'done'
          && t('options_archive_result', formatCount(state.total), formatCount(state.flagged.filter((post) => post.verdict === 'block').length), formatCount(state.flagged.filter((post) => post.verdict === 'warn').length))}
      </p>
      {state.step === 'done' && state.flagged.length > 0 && (
        <table>
          <caption class="visually-hidden">{t('options_archive_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('options_archive_posted')}</th><th scope="col">{t('options_archive_post')}</th>
              <th scope="col">{t('options_archive_rules')}</th><th scope="col">{t('options_archive_outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {state.flagged.map((post) => (
              <tr key={post.id}>
                <td><a href={`https://x.com/i/web/status/${post.id}`} target="_blank" rel="noreferrer">{formatDateTime(post.date.toISOString())}</a></td>
                <td>{post.text}</td>
                <td>{[...new Set(post.findings.map((finding) => RULE_LABELS[finding.rule]))].join(', ')}</td>
                <td>{post.verdict === 'block' ? t('options_archive_breaks') : t('options_archive_review')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
