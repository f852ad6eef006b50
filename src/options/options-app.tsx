/** The options page: a sidebar of sections (roster, classes, rules, settings, activity, archive check) and the one shown. */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { SettingKey, SettingsState } from '../shared/messages';
import { sendRequest } from '../shared/send-request';
import { SiteAccessWarning } from '../shared/site-access-warning';
import { ActivitySection } from './activity-section';
import { ArchiveCheck } from './archive-check';
import { ClassesSection } from './classes-section';
import { FollowRequestsSection } from './follow-requests-section';
import { OptionsContext, type OptionsContextValue } from './options-context';
import { PinUnlock } from './pin-unlock';
import { RosterSection } from './roster-section';
import { RulesSection } from './rules-section';
import { checkSettings, type SettingsProblem } from './settings-form';
import { SettingsSection } from './settings-section';
import { WeeklyPostsSection } from './weekly-posts-section';

const SECTIONS = [
  { id: 'roster', title: t('options_section_roster'), Component: RosterSection },
  { id: 'classes', title: t('options_section_classes'), Component: ClassesSection },
  { id: 'rules', title: t('options_section_rules'), Component: RulesSection },
  { id: 'settings', title: t('options_section_settings'), Component: SettingsSection },
  { id: 'activity', title: t('options_section_activity'), Component: ActivitySection },
  { id: 'weekly', title: t('options_section_weekly'), Component: WeeklyPostsSection },
  { id: 'follow', title: t('options_section_follow'), Component: FollowRequestsSection },
  { id: 'archive', title: t('options_section_archive'), Component: ArchiveCheck },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

export function OptionsApp() {
  const [state, setState] = useState<SettingsState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [pin, setPin] = useState<string | undefined>(undefined);
  const [current, setCurrent] = useState<SectionId>(() => sectionFromHash());

  const reload = useCallback(async () => {
    try {
      setState(await sendRequest({ type: 'get-settings' }));
    } catch (error) {
      setLoadError(String(error));
    }
  }, []);
  useEffect(() => void reload(), [reload]);

  useEffect(() => {
    const onHash = () => setCurrent(sectionFromHash());
    window.addEventListener('hashchange', onHash);
    // The address may have changed between the first render and this effect (a link followed at once).
    onHash();
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const context = useMemo<OptionsContextValue | null>(() => {
    if (state === null) return null;
    const editable = !state.locked && (!state.pinSet || pin !== undefined);
    return {
      state,
      pin,
      editable,
      canChange: (key: SettingKey) => editable && !state.managedKeys.includes(key),
      save: async (change: Partial<Record<SettingKey, unknown>>): Promise<SettingsProblem[]> => {
        const checked = checkSettings(state.settings, change);
        if (!checked.ok) return checked.problems;
        const saved = await sendRequest({ type: 'save-settings', settings: checked.settings, pin });
        if (!saved.ok) return saved.errors.map((message) => ({ key: Object.keys(change)[0] as SettingKey, message }));
        await reload();
        return [];
      },
      reload,
      rememberPin: setPin,
    };
  }, [state, pin, reload]);

  const section = SECTIONS.find((candidate) => candidate.id === current) ?? SECTIONS[0];
  return (
    <>
      <header class="banner">
        <h1>{t('extensionName')}</h1>
      </header>
      <div class="layout">
        <nav aria-label={t('options_nav_label')}>
          <ul>
            {SECTIONS.map(({ id, title }) => (
              <li key={id}>
                <a href={`#${id}`} aria-current={id === current ? 'page' : undefined}>{title}</a>
              </li>
            ))}
          </ul>
        </nav>
        <main>
          <SiteAccessWarning />
          {loadError !== null && <p role="alert" class="error">{t('options_load_error', loadError)}</p>}
          {context === null ? (
            loadError === null && <p>{t('common_loading')}</p>
          ) : (
            <OptionsContext.Provider value={context}>
              {context.state.locked && <p class="notice">{t('options_locked_notice')}</p>}
              {context.state.pinSet && pin === undefined && !context.state.locked && <PinUnlock onUnlocked={setPin} />}
              <section.Component />
            </OptionsContext.Provider>
          )}
        </main>
      </div>
    </>
  );
}

function sectionFromHash(): SectionId {
  const id = window.location.hash.slice(1);
  return SECTIONS.find((section) => section.id === id)?.id ?? 'roster';
}
