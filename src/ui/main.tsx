// first: the terminal's chunk is requested before the other modules are evaluated (startTerminal.ts)
import './terminal/startTerminal.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { ErrorBoundary } from './app/ErrorBoundary.tsx';
import { registerOffline } from './app/offline.ts';
import { startLanguage, useT } from './app/language.ts';
import { terminalShown } from './terminal/TerminalPane.tsx';
import { openEarly } from './share/startup.ts';

const container = document.getElementById('root');
if (container === null) {
  throw new Error('lparlab: missing #root element in index.html');
}

/** The last way back when the whole page failed: load it again without its link or lesson. */
function reloadClean(): void {
  const params = new URLSearchParams(location.search);
  const mode = ['present', 'embed'].find((m) => params.has(m));
  location.replace(`${location.pathname}${mode ? `?${mode}` : ''}`);
}

/** The page in its last boundary, which names the lab in the reader's language. */
function Root() {
  const t = useT();
  return (
    <ErrorBoundary what={t('app.guards.lab')} onCleanLab={reloadClean}>
      <App />
    </ErrorBoundary>
  );
}

/** The page, drawn once the reader's language is ready (English at once; another after its catalog loads). */
function render(root: HTMLElement): void {
  createRoot(root, {
    // a boundary that caught an error shows it on the page; the console gets a warning, not an error
    onCaughtError: (error, info) => console.warn('lparlab: a part of the page stopped and shows why:', error, info.componentStack),
  }).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}

// a shared lab's lines are replayed before the first drawing, in the reader's language (startup.ts: openEarly)
void startLanguage()
  .then(openEarly)
  .finally(() => render(container));

// the offline copy is made once the terminal is up, not while the first visit still loads
registerOffline(Promise.race([terminalShown, new Promise<void>((resolve) => setTimeout(resolve, 10_000))]));
