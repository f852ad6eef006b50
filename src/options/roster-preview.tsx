/**
 * What the chosen file would change, before anything is replaced: counts, then withdrawn photo
 * consent first (the change that matters most), then pupils added, removed and changed.
 */
import type { Pupil } from '../roster/model';
import type { PupilField, RosterDiff } from '../roster/roster-diff';
import { t } from '../shared/i18n';

/** Each list is cut here: a preview is for checking, and 10,000 rows would swamp the page. */
const SHOWN_PER_LIST = 200;

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
  warnings: readonly string[];
  saving: boolean;
  onReplace: () => void;
  onCancel: () => void;
}

export function RosterPreview({ fileName, diff, warnings, saving, onReplace, onCancel }: RosterPreviewProps) {
  const { counts } = diff;
  return (
    <div class="preview" aria-labelledby="roster-preview-heading">
      <h3 id="roster-preview-heading">{t('options_preview_heading', fileName)}</h3>
      <p>{t('options_preview_counts', counts.before, counts.after, counts.added, counts.removed, counts.changed, counts.unchanged)}</p>
      {diff.consentWithdrawn.length > 0 && (
        <PupilList class="consent-withdrawn" title={t('options_preview_consent_withdrawn', diff.consentWithdrawn.length)} pupils={diff.consentWithdrawn}
          note={t('options_preview_consent_withdrawn_note')} />
      )}
      {diff.consentGiven.length > 0 && <PupilList title={t('options_preview_consent_given', diff.consentGiven.length)} pupils={diff.consentGiven} />}
      {diff.added.length > 0 && <PupilList title={t('options_preview_added', diff.added.length)} pupils={diff.added} />}
      {diff.removed.length > 0 && <PupilList title={t('options_preview_removed', diff.removed.length)} pupils={diff.removed} />}
      {diff.changed.length > 0 && (
        <div>
          <h4>{t('options_preview_changed', diff.changed.length)}</h4>
          <ul>
            {diff.changed.slice(0, SHOWN_PER_LIST).map(({ before, after, fields }) => (
              <li key={after.id}>{pupilLabel(before)}: {fields.map((field) => t('options_preview_change', FIELD_NAMES[field], show(before, field), show(after, field))).join('; ')}</li>
            ))}
          </ul>
          <More total={diff.changed.length} />
        </div>
      )}
      {warnings.length > 0 && (
        <div>
          <h4>{t('options_preview_warnings')}</h4>
          <ul>{warnings.map((warning) => <li key={warning}>{warning}</li>)}</ul>
        </div>
      )}
      <p class="actions">
        <button type="button" disabled={saving || counts.after === 0} onClick={onReplace}>{t('options_preview_replace')}</button>{' '}
        <button type="button" class="secondary" disabled={saving} onClick={onCancel}>{t('common_cancel')}</button>
      </p>
    </div>
  );
}

function PupilList({ title, pupils, note, class: className }: { title: string; pupils: readonly Pupil[]; note?: string; class?: string }) {
  return (
    <div class={className}>
      <h4>{title}</h4>
      {note !== undefined && <p>{note}</p>}
      <ul>{pupils.slice(0, SHOWN_PER_LIST).map((pupil) => <li key={pupil.id}>{pupilLabel(pupil)}</li>)}</ul>
      <More total={pupils.length} />
    </div>
  );
}

function More({ total }: { total: number }) {
  return total > SHOWN_PER_LIST ? <p>{t('common_and_more', total - SHOWN_PER_LIST)}</p> : null;
}

function pupilLabel(pupil: Pupil): string {
  return t('options_preview_pupil', pupil.preferredName || pupil.forename, pupil.surname, pupil.className);
}

function show(pupil: Pupil, field: PupilField): string {
  if (field === 'photoConsent') return pupil.photoConsent ? t('options_preview_yes') : t('options_preview_no');
  if (field === 'aliases') return pupil.aliases?.join(', ') || t('options_preview_none');
  return pupil[field] || t('options_preview_none');
}
