// The frame every view sits in: its name and the figure it draws, as a
// labelled region, with the view's own toolbar on the right if it has one.

import { Suspense } from 'react';
import type { ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useT } from './language.ts';
import { VIEW_NAMES, type ViewName } from './viewNames.ts';

/** The panel of view `id`, named in the reader's language. */
export function ViewPanel({ id, tools, children }: { id: ViewName; tools?: ReactNode; children: ReactNode }) {
  const t = useT();
  const title = t(VIEW_NAMES[id].title);
  return (
    <section className="view" aria-labelledby={`${id}-title`} data-view={id}>
      <header className="view-head">
        <h2 id={`${id}-title`}>
          {title} <span className="figure">{t(VIEW_NAMES[id].figure)}</span>
        </h2>
        {tools && <div className="view-tools">{tools}</div>}
      </header>
      <div className="view-body">
        <ErrorBoundary what={t('view.what', { view: title })}>
          {/* a view loaded on demand (lazyViews.tsx) shows this until its code is there */}
          <Suspense fallback={<p className="view-loading">{t('view.loading', { view: title })}</p>}>{children}</Suspense>
        </ErrorBoundary>
      </div>
    </section>
  );
}
