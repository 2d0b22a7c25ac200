// An embed's way to the whole lab: "Open in lparlab" opens the full page at
// the same moment (the lesson step, every line, the playhead), as a share
// link does, in a new tab so the page around the embed stays.

import { useEffect, useState } from 'react';
import { useLab } from '../store/labStore.ts';
import { useLessons } from '../lessons/lessonStore.ts';
import { currentLink } from '../share/startup.ts';
import { useT } from './language.ts';

/** The page's own address without its mode, its link and its lesson: the full lab, clean. */
function fullLab(): string {
  return location.href.replace(/[?#].*$/, '');
}

export function OpenInLab() {
  const t = useT();
  const shell = useLab((s) => s.shell);
  const position = useLab((s) => s.position);
  const opened = useLessons((s) => s.opened);
  const [href, setHref] = useState(fullLab);
  useEffect(() => {
    // the link is made (compressed) off the render; a lab too long for a link opens the full lab clean
    let live = true;
    void currentLink(false).then((made) => live && setHref(made.ok ? made.url : fullLab()));
    return () => {
      live = false;
    };
  }, [shell, position, opened]);
  return (
    <a className="embed-open" href={href} target="_blank" rel="noopener" data-testid="open-in-lab">
      {t('embed.open')}
    </a>
  );
}
