// Page-wide messages, until dismissed: the lab's (a refused link, a step
// past a lesson's end) and the lessons' (progress the browser would not
// store, with the export at hand so nothing passed is lost; stored progress
// that could not all be read, with its kept copy at hand).

import { useLab } from '../store/labStore.ts';
import { useLessons } from '../lessons/lessonStore.ts';
import { progressFile } from '../lessons/progress.ts';
import { download } from '../share/download.ts';
import { useT } from './language.ts';
import { wordsIn } from '../../i18n/wordsIn.ts';

export function Banner() {
  const t = useT();
  const banner = useLab((s) => s.banner);
  const setBanner = useLab((s) => s.setBanner);
  const storageProblem = useLessons((s) => s.storageProblem);
  const dismissStorageProblem = useLessons((s) => s.dismissStorageProblem);
  const setAside = useLessons((s) => s.setAside);
  const dismissSetAside = useLessons((s) => s.dismissSetAside);
  return (
    <>
      {banner && (
        <div className={`banner ${banner.kind}`} role={banner.kind === 'error' ? 'alert' : 'status'} data-testid="banner">
          <span>{banner.text}</span>
          <button type="button" onClick={() => setBanner(null)} aria-label={t('banner.dismiss')}>{t('banner.dismiss.button')}</button>
        </div>
      )}
      {storageProblem && (
        <div className="banner error" role="alert" data-testid="storage-banner">
          <span>{wordsIn(t, storageProblem.words)}</span>
          <span className="banner-actions">
            <button type="button" onClick={() => download('lparlab-progress.json', progressFile(useLessons.getState().progress), 'application/json')}>
              {t('banner.exportProgress')}
            </button>
            <button type="button" onClick={dismissStorageProblem} aria-label={t('banner.dismiss.storage')}>{t('banner.dismiss.button')}</button>
          </span>
        </div>
      )}
      {setAside && (
        <div className="banner error" role="alert" data-testid="set-aside-banner">
          <span>{wordsIn(t, setAside.words)}</span>
          <span className="banner-actions">
            {setAside.copy !== null && (
              <button type="button" onClick={() => downloadCopy(setAside.copy!)}>{t('banner.downloadCopy')}</button>
            )}
            {setAside.copy === null && (
              <button type="button" onClick={() => download('lparlab-progress.json', progressFile(useLessons.getState().progress), 'application/json')}>
                {t('banner.exportProgress')}
              </button>
            )}
            <button type="button" onClick={dismissSetAside} aria-label={t('banner.dismiss.setAside')}>{t('banner.dismiss.button')}</button>
          </span>
        </div>
      )}
    </>
  );
}

/** The kept copy of unreadable progress, as a file the student can keep or show a teacher. */
function downloadCopy(key: string): void {
  let text: string | null = null;
  try {
    text = window.localStorage.getItem(key);
  } catch {
    // storage blocked since: there is nothing to download
  }
  if (text !== null) download('lparlab-progress-unreadable.txt', text, 'text/plain');
}
