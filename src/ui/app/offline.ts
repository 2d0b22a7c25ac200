// After the first visit the lab works with the network off: the built site
// registers its service worker (sw.js, written by the build from its file
// list), which serves every file of the build from its cache. Not in
// development, and not from file:// (the single-file build needs none).

export function registerOffline(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch((error: unknown) => {
      // the lab still works online; only the offline copy is missing
      console.warn('lparlab: no offline copy:', error);
    });
  });
}
