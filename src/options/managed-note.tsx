/** Said next to a setting that the school's admin console forces. */
import { t } from '../shared/i18n';

export function ManagedNote({ id }: { id: string }) {
  return <p id={id} class="managed">{t('options_managed_note')}</p>;
}
