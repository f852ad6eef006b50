/**
 * Said at the top of the popup and the options page when the browser does not let the guard run
 * on X (Chrome's site access set to "On click" or to other sites, or Firefox's permission turned
 * off): posts from those sites would not be checked at all. Offers the browser's own prompt to
 * give access back.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n';
import { requestXSiteAccess, withheldXSites } from './site-access';

export function SiteAccessWarning() {
  const [withheld, setWithheld] = useState<string[]>([]);
  const refresh = () => void withheldXSites().then(setWithheld, () => setWithheld([]));
  useEffect(() => {
    refresh();
    // The access can change while the page is open (chrome://extensions, the puzzle-piece menu).
    chrome.permissions.onAdded.addListener(refresh);
    chrome.permissions.onRemoved.addListener(refresh);
    return () => {
      chrome.permissions.onAdded.removeListener(refresh);
      chrome.permissions.onRemoved.removeListener(refresh);
    };
  }, []);
  if (withheld.length === 0) return null;
  return (
    <div role="alert" class="site-access">
      <p>{t('site_access_withheld', withheld.join(', '))}</p>
      <p>{t('site_access_how')}</p>
      <p>
        <button type="button" onClick={() => void requestXSiteAccess().then(refresh, refresh)}>{t('site_access_allow')}</button>
      </p>
    </div>
  );
}
