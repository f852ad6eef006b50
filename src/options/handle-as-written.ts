/** The audit log keeps handles folded ("primaryredbourn"); the school reads them as it writes them ("@PrimaryRedbourn"). */
import { handleKey } from '../shared/handle-key';

export function handleAsWritten(account: string, schoolHandles: readonly string[]): string {
  const written = schoolHandles.find((handle) => handleKey(handle.trim()) === handleKey(account)) ?? account;
  return `@${written.trim().replace(/^@/, '')}`;
}
