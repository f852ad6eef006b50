/**
 * From Thursday: the classes with no general post yet this week (the popup and the options page
 * both show it). Counted from the post records of the ISO week containing this page's "now".
 */
import { useEffect, useState } from 'preact/hooks';
import { isoWeekContaining } from '../roster/iso-week';
import type { PostRecord } from '../roster/roster-store';
import { t } from '../shared/i18n';
import { sendRequest } from '../shared/send-request';
import { classesWithoutGeneralPost, isGapReportDue } from '../weekly/weekly-gaps';

export function WeeklyGaps({ classes }: { classes: readonly string[] }) {
  const [now] = useState(() => new Date());
  const [posts, setPosts] = useState<PostRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const { start, end } = isoWeekContaining(now);
    sendRequest({ type: 'list-post-records', from: start.toISOString(), to: end.toISOString() }).then(setPosts, (reason: unknown) => setError(String(reason)));
  }, [now]);

  if (error !== null) return <p class="problem">{t('weekly_gaps_load_error', error)}</p>;
  if (posts === null) return null;
  if (!isGapReportDue(now)) return <p class="weekly-gaps">{t('weekly_gaps_not_yet')}</p>;
  const missing = classesWithoutGeneralPost(classes, posts, now);
  return missing.length === 0
    ? <p class="weekly-gaps ok">{t('weekly_gaps_all_posted')}</p>
    : <p class="weekly-gaps warning" role="status">{t('weekly_gaps_missing', missing.join(', '))}</p>;
}
