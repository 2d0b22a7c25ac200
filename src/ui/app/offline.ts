// After the first visit the lab works with the network off: the built site
// registers its service worker (sw.js, written by the build from its file
// list), which serves every file of the build from its cache. Not in
// development, and not from file:// (the single-file build needs none).

/** The offline copy never waits longer than this for an idle moment. */
const IDLE_AT_MOST_MS = 10_000;

/**
 * Registers the service worker once `ready` settles (the terminal drawn) and
 * the page is next idle. Installing it fetches and stores every file of the
 * build, the views, fonts and catalogs a first visit does not need; on a
 * 2-core laptop that competed with the cold page for the processor (issue
 * 22: at the page's load event it ran while the terminal was still loading).
 */
export function registerOffline(ready: Promise<void>): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return;
  const register = () => {
    navigator.serviceWorker.register('./sw.js').catch((error: unknown) => {
      // the lab still works online; only the offline copy is missing
      console.warn('lparlab: no offline copy:', error);
    });
  };
  void ready.then(() => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(register, { timeout: IDLE_AT_MOST_MS });
    else setTimeout(register, 1000);
  });
}
