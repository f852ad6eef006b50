/**
 * The one element the guard adds to x.com: a custom element on <html> (outside X's React roots,
 * so re-renders never remove it) with a closed shadow root that X's scripts cannot read into.
 */
export function createOverlayRoot(signal: AbortSignal): ShadowRoot {
  const host = document.createElement('school-post-guard');
  const shadow = host.attachShadow({ mode: 'closed' });
  const attach = () => {
    if (!host.isConnected) document.documentElement.append(host);
  };
  attach();
  // At document_start <html> may be replaced while X boots; re-attach when that happens.
  const observer = new MutationObserver(attach);
  observer.observe(document, { childList: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    host.remove();
  }, { once: true });
  return shadow;
}
