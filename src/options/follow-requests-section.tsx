/**
 * Follow requests: "Check a follow request" (is the address from X's e-mail at a personal provider,
 * the school's own domain or a work domain, and what to do next; the address is never stored) and
 * the log of the administrator's Accept / Decline on X's follower-requests page (handle and decision).
 */
import personalProviders from 'email-providers/all.json';
import { useEffect, useState } from 'preact/hooks';
import { checkEmailDomain, schoolDomainsOf, type EmailDomainCheck } from '../follow/email-domain-check';
import type { FollowDecision } from '../background/moderation-store';
import { t } from '../shared/i18n';
import { sendRequest } from '../shared/send-request';
import { formatDateTime } from './format-date';
import { useOptions } from './options-context';

const PERSONAL_PROVIDERS = new Set<string>(personalProviders);
const isPersonalProvider = (domain: string) => PERSONAL_PROVIDERS.has(domain);

function Verdict({ checked }: { checked: EmailDomainCheck }) {
  if (!checked.ok) return <p class="error">{t('options_follow_no_address')}</p>;
  const [headline, next, tone] = checked.kind === 'personal'
    ? [t('options_follow_personal', checked.domain), t('options_follow_personal_next'), 'ok']
    : checked.kind === 'school'
      ? [t('options_follow_school', checked.domain), t('options_follow_school_next'), 'warning']
      : [t('options_follow_work', checked.domain), t('options_follow_work_next'), 'error'];
  return (
    <div class={`follow-verdict ${tone}`}>
      <p><strong>{headline}</strong></p>
      <p>{next}</p>
    </div>
  );
}

export function FollowRequestsSection() {
  const { state } = useOptions();
  const [address, setAddress] = useState('');
  const [checked, setChecked] = useState<EmailDomainCheck | null>(null);
  const [decisions, setDecisions] = useState<FollowDecision[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    sendRequest({ type: 'list-follow-decisions' }).then(setDecisions, (reason: unknown) => setError(String(reason)));
  }, []);

  const check = (event: Event) => {
    event.preventDefault();
    setChecked(checkEmailDomain(address, schoolDomainsOf(state.settings.schoolEmails), isPersonalProvider));
  };

  return (
    <section aria-labelledby="follow-heading">
      <h2 id="follow-heading">{t('options_section_follow')}</h2>
      <h3>{t('options_follow_check_heading')}</h3>
      <p class="hint">{t('options_follow_check_hint')}</p>
      <form onSubmit={check}>
        <div class="field">
          <label for="follow-address">{t('options_follow_address_label')}</label>
          <input id="follow-address" type="text" autocomplete="off" spellcheck={false} size={40} value={address}
            onInput={(event) => { setAddress(event.currentTarget.value); setChecked(null); }} />
        </div>
        <button type="submit">{t('options_follow_check_button')}</button>
      </form>
      <div role="status">{checked && <Verdict checked={checked} />}</div>
      <h3>{t('options_follow_log_heading')}</h3>
      <p class="hint">{t('options_follow_log_hint')}</p>
      {error !== null && <p role="alert" class="error">{t('options_follow_log_error', error)}</p>}
      {decisions === null ? error === null && <p>{t('common_loading')}</p> : decisions.length === 0 ? <p>{t('options_follow_log_empty')}</p> : (
        <table>
          <caption class="visually-hidden">{t('options_follow_log_heading')}</caption>
          <thead><tr><th scope="col">{t('options_follow_log_when')}</th><th scope="col">{t('options_follow_log_account')}</th><th scope="col">{t('options_follow_log_decision')}</th></tr></thead>
          <tbody>
            {decisions.map((decision, index) => (
              <tr key={index}>
                <td>{formatDateTime(decision.at)}</td>
                <td>@{decision.handle}</td>
                <td>{decision.decision === 'accepted' ? t('options_follow_accepted') : t('options_follow_declined')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
