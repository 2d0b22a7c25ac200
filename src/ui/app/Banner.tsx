// A page-wide message (a refused link, for instance), until dismissed.

import { useLab } from '../store/labStore.ts';

export function Banner() {
  const banner = useLab((s) => s.banner);
  const setBanner = useLab((s) => s.setBanner);
  if (!banner) return null;
  return (
    <div className={`banner ${banner.kind}`} role={banner.kind === 'error' ? 'alert' : 'status'} data-testid="banner">
      <span>{banner.text}</span>
      <button type="button" onClick={() => setBanner(null)} aria-label="dismiss the message">Dismiss</button>
    </div>
  );
}
