/**
 * What the chosen file would change, before anything is replaced: counts, a file that would remove
 * many pupils, pupils left out or given no consent by an import-anyway, then withdrawn photo consent
 * (the change that matters most), then pupils added, removed and changed.
 */
import { useState } from 'preact/hooks';
import type { MessageText } from '../policy/message-text';
import type { Pupil } from '../roster/model';
import type { LeftOutRow } from '../roster/parse-result';
import type { PupilField, RosterDiff } from '../roster/roster-diff';
import { t, tMessage } from '../shared/i18n';
import { formatCount } from '../shared/format-count';

/** Each list is cut here: a preview is for checking, and 10,000 rows would swamp the page. */
const SHOWN_PER_LIST = 200;

/** "Worth knowing" notes shown; a file with more has the same note many times over. */
const SHOWN_WARNINGS = 20;

/** Removing more than this share of the pupils asks twice: a class list chosen for the school's. */
const BIG_REMOVAL_SHARE = 1 / 3;

/** What an import of a file with problems does to its rows, said before anything is replaced. */
export interface ImportNotes {
  leftOut: readonly LeftOutRow[];
  consentAssumedNo: number;
}

const FIELD_NAMES: Readonly<Record<PupilField, string>> = {
  forename: t('options_field_forename'),
  preferredName: t('options_field_preferred_name'),
  surname: t('options_field_surname'),
  className: t('options_field_class'),
  photoConsent: t('options_field_photo_consent'),
  aliases: t('options_field_aliases'),
};

interface RosterPreviewProps {
  fileName: string;
  diff: RosterDiff;
  warnings: readonly MessageText[];
  notes: ImportNotes;
  /** The pupil list changed under the first preview (a sync, another import): this one is made again. */
  redone: boolean;
  saving: boolean;
  onReplace: () => void;
  onCancel: () => void;
}

export function RosterPreview({ fileName, diff, warnings, notes, redone, saving, onReplace, onCancel }: RosterPreviewProps) {
  const { counts } = diff;
  const [askingAgain, setAskingAgain] = useState(false);
  const bigRemoval = counts.before > 0 && counts.removed > counts.before * BIG_REMOVAL_SHARE;
  const n = formatCount;
  return (
    <div class="preview" aria-labelledby="roster-preview-heading">
      <h3 id="roster-preview-heading">{t('options_preview_heading', fileName)}</h3>
      {redone && <p role="alert" class="alert-box">{t('options_preview_redone', fileName)}</p>}
      <p>{t('options_preview_counts', n(counts.before), n(counts.after), n(counts.added), n(counts.removed), n(counts.changed), n(counts.unchanged))}</p>
      {bigRemoval && (
        <p role="alert" class="alert-box">{t('options_preview_big_removal', n(counts.removed), n(counts.before), Math.round((counts.removed / counts.before) * 100))}</p>
      )}
      {notes.consentAssumedNo > 0 && <p class="alert-box">{t('options_preview_consent_assumed_no', n(notes.consentAssumedNo))}</p>}
      {notes.leftOut.length > 0 && (
        <div class="alert-box">
          <h4>{t('options_preview_left_out', n(notes.leftOut.length))}</h4>
          <p>{t('options_preview_left_out_note')}</p>
          <ul>
            {notes.leftOut.slice(0, SHOWN_PER_LIST).map(({ row, name }) => (
              <li key={row}>{name === null ? t('options_preview_left_out_no_name', row) : t('options_preview_left_out_row', row, name)}</li>
            ))}
          </ul>
          <More total={notes.leftOut.length} shown={SHOWN_PER_LIST} />
        </div>
      )}
      {diff.consentWithdrawn.length > 0 && (
        <PupilList class="consent-withdrawn" title={t('options_preview_consent_withdrawn', n(diff.consentWithdrawn.length))} pupils={diff.consentWithdrawn}
          note={t('options_preview_consent_withdrawn_note')} />
      )}
      {diff.consentGiven.length > 0 && <PupilList title={t('options_preview_consent_given', n(diff.consentGiven.length))} pupils={diff.consentGiven} />}
      {diff.added.length > 0 && <PupilList title={t('options_preview_added', n(diff.added.length))} pupils={diff.added} />}
      {diff.removed.length > 0 && <PupilList title={t('options_preview_removed', n(diff.removed.length))} pupils={diff.removed} />}
      {diff.changed.length > 0 && (
        <div>
          <h4>{t('options_preview_changed', n(diff.changed.length))}</h4>
          <ul>
            {diff.changed.slice(0, SHOWN_PER_LIST).map(({ before, after, fields }) => (
              <li key={after.id}>{pupilLabel(before)}: {fields.map((field) => t('options_preview_change', FIELD_NAMES[field], show(before, field), show(after, field))).join('; ')}</li>
            ))}
          </ul>
          <More total={diff.changed.length} shown={SHOWN_PER_LIST} />
        </div>
      )}
      {warnings.length > 0 && (
        <div>
          <h4>{t('options_preview_warnings')}</h4>
          <ul>{warnings.slice(0, SHOWN_WARNINGS).map((warning, index) => <li key={index}>{tMessage(warning)}</li>)}</ul>
          <More total={warnings.length} shown={SHOWN_WARNINGS} />
        </div>
      )}
      {saving && (
        <p role="status">
          <label for="save-progress">{t('options_preview_saving', n(counts.after))}</label>{' '}
          <progress id="save-progress" />
        </p>
      )}
      {askingAgain ? (
        <div class="alert-box" role="group" aria-labelledby="big-removal-question">
          <p id="big-removal-question"><strong>{t('options_preview_big_removal_question', n(counts.before), n(counts.after))}</strong></p>
          <p class="actions">
            <button type="button" disabled={saving} onClick={onReplace}>{t('options_preview_big_removal_confirm', n(counts.removed))}</button>{' '}
            <button type="button" class="secondary" disabled={saving} onClick={onCancel}>{t('common_cancel')}</button>
          </p>
        </div>
      ) : (
        <p class="actions">
          <button type="button" disabled={saving || counts.after === 0} onClick={bigRemoval ? () => setAskingAgain(true) : onReplace}>{t('options_preview_replace')}</button>{' '}
          <button type="button" class="secondary" disabled={saving} onClick={onCancel}>{t('common_cancel')}</button>
        </p>
      )}
    </div>
  );
}

function PupilList({ title, pupils, note, class: className }: { title: string; pupils: readonly Pupil[]; note?: string; class?: string }) {
  return (
    <div class={className}>
      <h4>{title}</h4>
      {note !== undefined && <p>{note}</p>}
      <ul>{pupils.slice(0, SHOWN_PER_LIST).map((pupil) => <li key={pupil.id}>{pupilLabel(pupil)}</li>)}</ul>
      <More total={pupils.length} shown={SHOWN_PER_LIST} />
    </div>
  );
}

function More({ total, shown }: { total: number; shown: number }) {
  return total > shown ? <p>{t('common_and_more', formatCount(total - shown))}</p> : null;
}

function pupilLabel(pupil: Pupil): string {
  return t('options_preview_pupil', pupil.preferredName || pupil.forename, pupil.surname, pupil.className);
}

function show(pupil: Pupil, field: PupilField): string {
  if (field === 'photoConsent') return pupil.photoConsent ? t('options_preview_yes') : t('options_preview_no');
  if (field === 'aliases') return pupil.aliases?.join(', ') || t('options_preview_none');
  return pupil[field] || t('options_preview_none');
}
