/**
 * The content script on x.com and twitter.com, at document_start: listening before X's own
 * scripts run, and blocking until the roster has arrived (fail closed).
 */
import { ComposerGuard } from './composer-guard';
import { GuardConnection } from './guard-connection';
import { NetworkBackstop } from './network-backstop';

const lifetime = new AbortController();
const connection = new GuardConnection(lifetime.signal);
const backstop = new NetworkBackstop(connection, lifetime.signal);
new ComposerGuard(connection, backstop, lifetime.signal).start();
connection.connect();
