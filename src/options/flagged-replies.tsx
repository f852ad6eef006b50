/**
 * On the activity page: replies under the school's posts that the guard flagged, until the
 * administrator has hidden them. Listed by the post's and the reply's ids with a link to the reply
 * on X, never its text or the name in it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { FlaggedReply } from '../background/moderation-store';
import { t } from '../shared/i18n';
import { sendRequest } from '../shared/send-request';
import { formatDateTime } from './format-date';
import { RULE_LABELS } from './rule-labels';

export function FlaggedReplies() {
  const [replies, setReplies] = useState<FlaggedReply[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => sendRequest({ type: 'list-flagged-replies' }).then(setReplies, (reason: unknown) => setError(String(reason)));
  useEffect(() => void load(), []);

  const hidden = async (replyId: string) => {
    await sendRequest({ type: 'remove-flagged-reply', replyId });
    await load();
  };

  return (
    <div class="flagged-replies">
      <h3 id="flagged-replies-heading">{t('options_replies_heading')}</h3>
      <p class="hint">{t('options_replies_hint')}</p>
      {error !== null && <p role="alert" class="error">{t('options_replies_load_error', error)}</p>}
      {replies === null ? error === null && <p>{t('common_loading')}</p> : replies.length === 0 ? <p>{t('options_replies_empty')}</p> : (
        <table aria-labelledby="flagged-replies-heading">
          <thead>
            <tr>
              <th scope="col">{t('options_replies_when')}</th><th scope="col">{t('options_replies_post')}</th><th scope="col">{t('options_replies_reply')}</th>
              <th scope="col">{t('options_replies_rules')}</th><th scope="col"><span class="visually-hidden">{t('options_replies_actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {replies.map((reply) => (
              <tr key={reply.replyId}>
                <td>{formatDateTime(reply.at)}</td>
                <td>{reply.postId ?? t('options_replies_post_unknown')}</td>
                <td><a href={reply.link} target="_blank" rel="noopener noreferrer">{reply.replyId}</a></td>
                <td>{reply.rules.map((rule) => RULE_LABELS[rule]).join(', ')}</td>
                <td><button type="button" class="secondary" onClick={() => void hidden(reply.replyId)}>{t('options_replies_mark_hidden')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
