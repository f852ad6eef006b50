/**
 * Import a pupil list: choose a CSV (or our JSON export) → progress → the problems, or a preview of
 * what changes → "Replace pupil list" (twice when it would remove many pupils) → saving, with
 * progress. Nothing reaches the background until the ICT lead confirms, and then it replaces only
 * the list the preview was made against: if a sync or another import came in between, the preview
 * is made again against the new list and the ICT lead is told, with the file still in hand.
 */
import { useRef, useState } from 'preact/hooks';
import type { MessageText } from '../policy/message-text';
import { parseRosterCsvInChunks } from '../roster/csv-import';
import { parseRosterJson } from '../roster/json-import';
import type { Pupil } from '../roster/model';
import type { LeftOutRow, RosterParseResult, RosterProblem } from '../roster/parse-result';
import { diffRosters, type RosterDiff } from '../roster/roster-diff';
import { t } from '../shared/i18n';
import { sendRequest } from '../shared/send-request';
import { useOptions } from './options-context';
import { RosterPreview, type ImportNotes } from './roster-preview';
import { RosterProblems } from './roster-problems';

type ImportStep =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string; fraction: number }
  | { step: 'problems'; fileName: string; problems: RosterProblem[]; result: Extract<RosterParseResult, { ok: false }> }
  | {
      step: 'preview';
      fileName: string;
      pupils: Pupil[];
      warnings: MessageText[];
      notes: ImportNotes;
      diff: RosterDiff;
      /** The version of the pupil list in force that `diff` compares with (null: none). */
      basedOn: number | null;
      /** Set when the list changed under an earlier preview of this file and this one was made again. */
      redone: boolean;
      saving: boolean;
    };

interface RosterImportProps {
  onReplaced: (pupilCount: number) => void;
}

const NO_NOTES: ImportNotes = { leftOut: [], consentAssumedNo: 0 };

export function RosterImport({ onReplaced }: RosterImportProps) {
  const { editable, pin } = useOptions();
  const [state, setState] = useState<ImportStep>({ step: 'idle' });
  const [saveError, setSaveError] = useState<string | null>(null);

  const read = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) is a change too.
    input.value = '';
    if (!file) return;
    setSaveError(null);
    previewRequest.current += 1;
    setState({ step: 'reading', fileName: file.name, fraction: 0 });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = /\.json$/i.test(file.name)
      ? parseRosterJson(bytes, file.name)
      : await parseRosterCsvInChunks(bytes, file.name, (fraction) => setState({ step: 'reading', fileName: file.name, fraction }));
    if (!result.ok) setState({ step: 'problems', fileName: file.name, problems: result.errors, result });
    else await preview(file.name, result.pupils, result.warnings, NO_NOTES);
  };

  // Compared with the list in force as the background has it now, not as this page last read it: a
  // file chosen while the page was still loading (or during a sync) must not be previewed against
  // nothing, which would hide the removals and skip the big-removal question.
  // A preview still being worked out when staff cancel, or choose another file, must not appear later.
  const previewRequest = useRef(0);
  const cancel = () => {
    previewRequest.current += 1;
    setState({ step: 'idle' });
  };
  const preview = async (fileName: string, pupils: Pupil[], warnings: MessageText[], notes: ImportNotes, redone = false) => {
    const request = ++previewRequest.current;
    try {
      const current = await sendRequest({ type: 'get-roster' });
      if (request !== previewRequest.current) return;
      setState({ step: 'preview', fileName, pupils, warnings, notes, diff: diffRosters(current.pupils, pupils), basedOn: current.versionId, redone, saving: false });
    } catch (error) {
      if (request !== previewRequest.current) return;
      setState({ step: 'idle' });
      setSaveError(t('options_roster_preview_failed', String(error)));
    }
  };

  const replace = async () => {
    if (state.step !== 'preview') return;
    setState({ ...state, saving: true });
    const result = await sendRequest({ type: 'import-roster', pupils: state.pupils, source: state.fileName, basedOn: state.basedOn, pin })
      .catch((error: unknown) => ({ ok: false as const, message: String(error) }));
    if (result.ok) {
      setState({ step: 'idle' });
      onReplaced(result.version.pupilCount);
    } else if ('listChanged' in result) {
      // Nothing was replaced: the same file, compared again with the list now in force.
      await preview(state.fileName, state.pupils, state.warnings, state.notes, true);
    } else {
      setState({ ...state, saving: false });
      setSaveError(result.message);
    }
  };

  return (
    <div class="roster-import">
      <p>
        <label class="file-label" for="import-roster">{t('options_roster_import_label')}</label>
        <input id="import-roster" type="file" accept=".csv,.txt,.tsv,.json,text/csv,application/json" disabled={!editable || state.step === 'reading' || (state.step === 'preview' && state.saving)}
          aria-describedby="import-roster-hint" onChange={(event) => void read(event.currentTarget)} />
      </p>
      <p id="import-roster-hint" class="hint">{t('options_roster_import_hint')}</p>
      {state.step === 'reading' && (
        <p>
          <label for="import-progress">{t('options_roster_reading', state.fileName)}</label>{' '}
          <progress id="import-progress" max={1} value={state.fraction}>{t('options_progress_percent', Math.round(state.fraction * 100))}</progress>
        </p>
      )}
      {state.step === 'problems' && (
        <RosterProblems fileName={state.fileName} problems={state.problems} validCount={state.result.validPupils.length}
          onImportValid={() => void preview(state.fileName, state.result.validPupils, state.result.warnings, notesOf(state.result))} onCancel={cancel} />
      )}
      {state.step === 'preview' && (
        // Keyed by the version compared with: a preview made again starts afresh (a big-removal question included).
        <RosterPreview key={state.basedOn ?? 'none'} fileName={state.fileName} diff={state.diff} warnings={state.warnings} notes={state.notes} redone={state.redone}
          saving={state.saving} onReplace={() => void replace()} onCancel={cancel} />
      )}
      {saveError !== null && <p role="alert" class="error">{saveError}</p>}
    </div>
  );
}

function notesOf(result: { leftOut: LeftOutRow[]; consentAssumedNo: number }): ImportNotes {
  return { leftOut: result.leftOut, consentAssumedNo: result.consentAssumedNo };
}
