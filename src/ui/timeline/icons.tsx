// Small SVG icons for the timeline buttons: drawn, not font glyphs, so they
// look the same on every machine (media-control glyphs are missing from many fonts).

const common = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;

export const IconFirst = () => (
  <svg {...common}><rect x="2" y="3" width="2" height="10" fill="currentColor" /><path d="M14 3 6 8l8 5z" fill="currentColor" /></svg>
);
export const IconBack = () => (
  <svg {...common}><path d="M12 3 4 8l8 5z" fill="currentColor" /></svg>
);
export const IconPlay = () => (
  <svg {...common}><path d="M4 2.5 13 8l-9 5.5z" fill="currentColor" /></svg>
);
export const IconPause = () => (
  <svg {...common}><rect x="3.5" y="3" width="3" height="10" fill="currentColor" /><rect x="9.5" y="3" width="3" height="10" fill="currentColor" /></svg>
);
export const IconStep = () => (
  <svg {...common}><path d="M3 3l8 5-8 5z" fill="currentColor" /><rect x="12" y="3" width="2" height="10" fill="currentColor" /></svg>
);
export const IconLast = () => (
  <svg {...common}><path d="M2 3l7 5-7 5z" fill="currentColor" /><path d="M8 3l6 5-6 5z" fill="currentColor" /></svg>
);
