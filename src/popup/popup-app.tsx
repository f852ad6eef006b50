/** The toolbar popup: is this tab guarded, how fresh is the roster, the last sync, and this week's posts per class. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { rosterIsStale, type ResponseOf } from '../shared/messages';
import { sendRequest } from '../shared/send-request';
import { classesToReport } from '../weekly/classes-to-report';
import { WEEKLY_MAX_GENERAL_POSTS as WEEKLY_MAX, WEEKLY_MIN_GENERAL_POSTS as WEEKLY_MIN } from '../weekly/weekly-promise';
import { SiteAccessWarning } from '../shared/site-access-warning';
import { activeTabGuardStatus, describeTabGuard, type ActiveTabGuard } from './tab-guard-status';
import { WeeklyGaps } from './weekly-gaps';

interface PopupData {
  roster: ResponseOf<'get-roster'>['status'];
  rosterClasses: string[];
  settings: ResponseOf<'get-settings'>;
  posts: ResponseOf<'get-posts-this-week'>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function PopupApp() {
  const [data, setData] = useState<PopupData | null>(null);
  const [tab, setTab] = useState<ActiveTabGuard | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([sendRequest({ type: 'get-roster' }), sendRequest({ type: 'get-settings' }), sendRequest({ type: 'get-posts-this-week' })])
      .then(([roster, settings, posts]) => setData({ roster: roster.status, rosterClasses: roster.pupils.map((pupil) => pupil.className), settings, posts }))
      .catch((reason: unknown) => setError(String(reason)));
    void activeTabGuardStatus().then(setTab);
  }, []);

  if (error) return <main><h1>{t('extensionName')}</h1><p class="problem">{t('popup_state_error', error)}</p></main>;
  if (!data) return <main><h1>{t('extensionName')}</h1><p>{t('common_loading')}</p></main>;

  const { settings, sync } = data.settings;
  // A shared opening ("Year 4") is not a class of its own.
  const classNames = classesToReport(settings.classes.filter((setting) => !setting.covers?.length).map((setting) => setting.name), data.rosterClasses, Object.keys(data.posts));
  const tabLine = tab === undefined ? null : describeTabGuard(tab);
  return (
    <main>
      <h1>{t('extensionName')}</h1>
      {tabLine && <p class={tabLine.tone}>{tabLine.text}</p>}
      <SiteAccessWarning />
      {data.roster ? (
        <p class={rosterIsStale(data.roster) ? 'warning' : undefined}>
          {rosterIsStale(data.roster) ? t('popup_roster_stale', rosterSummary(data.roster)) : rosterSummary(data.roster)}
        </p>
      ) : (
        <p class="problem">{t('popup_roster_none')}</p>
      )}
      <p>
        {settings.schoolHandles.length > 0
          ? t('popup_school_accounts', settings.schoolHandles.map((handle) => `@${handle.replace(/^@/, '')}`).join(', '))
          : t('popup_every_account')}
      </p>
      <p>
        {t('popup_last_sync', settings.syncUrl ? (sync.lastSuccessAt ? formatDate(sync.lastSuccessAt) : t('popup_sync_never')) : t('popup_sync_not_set_up'))}
        {sync.lastError && <span class="problem"> {t('popup_sync_failed', sync.lastError)}</span>}
      </p>
      <h2>{t('popup_posts_heading')}</h2>
      {classNames.length > 0 && <WeeklyGaps classes={classNames} />}
      {classNames.length === 0 ? <p>{t('popup_no_classes')}</p> : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('popup_column_class')}</th><th scope="col">{t('popup_column_posts')}</th>
              <th scope="col">{t('popup_column_policy', WEEKLY_MIN, WEEKLY_MAX)}</th>
            </tr>
          </thead>
          <tbody>
            {classNames.map((name) => {
              const count = data.posts[name] ?? 0;
              const status = count < WEEKLY_MIN ? t('popup_cadence_none_yet') : count > WEEKLY_MAX ? t('popup_cadence_too_many') : t('popup_cadence_on_track');
              return <tr key={name}><td>{name}</td><td>{count}</td><td class={count > WEEKLY_MAX ? 'warning' : undefined}>{status}</td></tr>;
            })}
          </tbody>
        </table>
      )}
      <p><button type="button" onClick={() => void browser.runtime.openOptionsPage()}>{t('popup_open_options')}</button></p>
    </main>
  );
}

function rosterSummary(roster: NonNullable<PopupData['roster']>): string {
  return t('popup_roster_summary', roster.pupilCount.toLocaleString('en-GB'), formatDate(roster.importedAt), age(roster.importedAt));
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

function age(iso: string): string {
  const days = Math.floor((Date.now() - Date.parse(iso)) / DAY_MS);
  return days <= 0 ? t('popup_age_today') : days === 1 ? t('popup_age_one_day') : t('popup_age_days', days);
}
