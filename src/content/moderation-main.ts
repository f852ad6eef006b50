/**
 * The reply and follow-request watches: injected by the background (at the content script's
 * request) only into a tab that has opened one of the pages they watch — a post's page,
 * Notifications, Follower requests — so the content script every X page loads does not carry them.
 * X is one page that changes its address without loading, so once here they stay for the tab's
 * document and decide on each change of address whether that page is theirs.
 */
import { FollowRequestWatch } from './follow-request-watch';
import { ModerationConnection } from './moderation-connection';
import { ReplyWatch } from './reply-watch';

const lifetime = new AbortController();
const connection = new ModerationConnection(lifetime.signal);
new ReplyWatch(connection, lifetime.signal).start();
new FollowRequestWatch(connection, lifetime.signal).start();
connection.connect();
