/**
 * Weekly posts: the policy's one-to-two general posts a week per class. This week's missing classes
 * (from Thursday) and a term's weeks as a class × week table, from the post records the guard keeps.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { WeeklyGaps } from '../popup/weekly-gaps';
import type { PostRecord } from '../roster/roster-store';
import { t } from '../shared/i18n';
import { sendRequest } from '../shared/send-request';
import { classesToReport } from '../weekly/classes-to-report';
import { termContaining, weeksOf, type TermName } from '../weekly/term-weeks';
import { weeklyTable } from '../weekly/weekly-table';
import { useOptions } from './options-context';

const TERM_NAMES: Record<TermName, string> = {
  autumn: t('options_weekly_term_autumn'),
  spring: t('options_weekly_term_spring'),
  summer: t('options_weekly_term_summer'),
};

/** yyyy-mm-dd in local time, as <input type="date"> reads and writes it. */
function dateInputValue(day: Date): string {
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

function fromDateInput(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

export function WeeklyPostsSection() {
  const { state } = useOptions();
  const [now] = useState(() => new Date());
  const [term] = useState(() => termContaining(now));
  const [firstDay, setFirstDay] = useState(() => dateInputValue(term.start));
  const [lastDay, setLastDay] = useState(() => dateInputValue(term.last));
  const [rosterClasses, setRosterClasses] = useState<string[]>([]);
  const [posts, setPosts] = useState<PostRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = fromDateInput(firstDay);
  const last = fromDateInput(lastDay);
  const weeks = useMemo(() => (start && last ? weeksOf(start, last) : []), [start?.getTime(), last?.getTime()]);

  useEffect(() => {
    sendRequest({ type: 'get-roster' }).then(({ pupils }) => setRosterClasses(pupils.map((pupil) => pupil.className)), (reason: unknown) => setError(String(reason)));
  }, []);
  useEffect(() => {
    const first = weeks[0];
    const final = weeks.at(-1);
    if (!first || !final) return;
    sendRequest({ type: 'list-post-records', from: first.start.toISOString(), to: final.end.toISOString() }).then(setPosts, (reason: unknown) => setError(String(reason)));
  }, [weeks]);

  const classes = classesToReport(state.settings.classes.map((entry) => entry.name), rosterClasses, (posts ?? []).flatMap((post) => (post.className === null ? [] : [post.className])));
  const rows = posts === null ? [] : weeklyTable(classes, weeks, posts);
  const datesWrong = start !== null && last !== null && weeks.length === 0;

  return (
    <section aria-labelledby="weekly-heading">
      <h2 id="weekly-heading">{t('options_section_weekly')}</h2>
      <p class="hint">{t('options_weekly_hint')}</p>
      <h3>{t('options_weekly_this_week')}</h3>
      {classes.length > 0 && <WeeklyGaps classes={classes} />}
      <h3>{t('options_weekly_term_heading', TERM_NAMES[term.name])}</h3>
      <div class="term-dates">
        <label>{t('options_weekly_first_day')} <input type="date" value={firstDay} onInput={(event) => setFirstDay(event.currentTarget.value)} /></label>{' '}
        <label>{t('options_weekly_last_day')} <input type="date" value={lastDay} onInput={(event) => setLastDay(event.currentTarget.value)} /></label>
      </div>
      {datesWrong && <p role="alert" class="error">{t('options_weekly_bad_dates')}</p>}
      {error !== null && <p role="alert" class="error">{t('weekly_gaps_load_error', error)}</p>}
      {classes.length === 0 ? <p>{t('options_weekly_no_classes')}</p> : weeks.length > 0 && posts !== null && (
        <div class="weekly-table">
          <table>
            <caption>{t('options_weekly_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('options_weekly_column_class')}</th>
                {weeks.map((week) => <th scope="col" key={week.start.getTime()}>{t('options_weekly_week_of', week.start.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' }))}</th>)}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.className}>
                  <th scope="row">{row.className}</th>
                  {row.weeks.map(({ tally }, index) => (weeks[index] && weeks[index].start > now
                    ? <td key={index} class="tally tally-future">{t('options_weekly_future')}</td>
                    : <td key={index} class={`tally tally-${tally}`}>{tally === 'over' ? t('options_weekly_over') : tally}</td>))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
