/**
 * What the chosen file would change, before anything is replaced: counts, then withdrawn photo
 * consent first (the change that matters most), then pupils added, removed and changed.
 */
import type { Pupil } from '../roster/model';
import type { PupilField, RosterDiff } from '../roster/roster-diff';

/** Each list is cut here: a preview is for checking, and 10,000 rows would swamp the page. */
const SHOWN_PER_LIST = 200;

const FIELD_NAMES: Readonly<Record<PupilField, string>> = {
  forename: 'forename', preferredName: 'preferred name', surname: 'surname', className: 'class', photoConsent: 'photo consent', aliases: 'other names',
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
      <h3 id="roster-preview-heading">Check the changes from “{fileName}”</h3>
      <p>
        The roster now has {counts.before} pupils; after the import it will have {counts.after}: {counts.added} added, {counts.removed} removed,{' '}
        {counts.changed} changed and {counts.unchanged} unchanged.
      </p>
      {diff.consentWithdrawn.length > 0 && (
        <PupilList class="consent-withdrawn" title={`Photo consent withdrawn (${diff.consentWithdrawn.length})`} pupils={diff.consentWithdrawn}
          note="From now on staff must not post photos in which these pupils can be identified." />
      )}
      {diff.consentGiven.length > 0 && <PupilList title={`Photo consent given (${diff.consentGiven.length})`} pupils={diff.consentGiven} />}
      {diff.added.length > 0 && <PupilList title={`Added (${diff.added.length})`} pupils={diff.added} />}
      {diff.removed.length > 0 && <PupilList title={`Removed (${diff.removed.length})`} pupils={diff.removed} />}
      {diff.changed.length > 0 && (
        <div>
          <h4>Changed ({diff.changed.length})</h4>
          <ul>
            {diff.changed.slice(0, SHOWN_PER_LIST).map(({ before, after, fields }) => (
              <li key={after.id}>{pupilLabel(before)}: {fields.map((field) => `${FIELD_NAMES[field]} ${show(before, field)} → ${show(after, field)}`).join('; ')}</li>
            ))}
          </ul>
          <More total={diff.changed.length} />
        </div>
      )}
      {warnings.length > 0 && (
        <div>
          <h4>Worth knowing</h4>
          <ul>{warnings.map((warning) => <li key={warning}>{warning}</li>)}</ul>
        </div>
      )}
      <p class="actions">
        <button type="button" disabled={saving || counts.after === 0} onClick={onReplace}>Replace roster</button>{' '}
        <button type="button" class="secondary" disabled={saving} onClick={onCancel}>Cancel</button>
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
  return total > SHOWN_PER_LIST ? <p>…and {total - SHOWN_PER_LIST} more.</p> : null;
}

function pupilLabel(pupil: Pupil): string {
  return `${pupil.preferredName || pupil.forename} ${pupil.surname} (${pupil.className})`;
}

function show(pupil: Pupil, field: PupilField): string {
  if (field === 'photoConsent') return pupil.photoConsent ? 'yes' : 'no';
  if (field === 'aliases') return pupil.aliases?.join(', ') || '(none)';
  return pupil[field] || '(none)';
}
