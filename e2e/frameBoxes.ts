// Where the Memory view's frames are on screen, to prove the stage keeps
// them still (a strip, a question or a resize must not move them).

import type { Page } from '@playwright/test';

export type Box = { x: number; y: number; width: number; height: number };

/** Every frame's box on screen, in frame order, rounded to a tenth of a pixel. */
export function frameBoxes(page: Page): Promise<Box[]> {
  return page.locator('[data-frame] rect').evaluateAll((rects) => rects.map((r) => {
    const b = r.getBoundingClientRect();
    return { x: Math.round(b.x * 10) / 10, y: Math.round(b.y * 10) / 10, width: Math.round(b.width * 10) / 10, height: Math.round(b.height * 10) / 10 };
  }));
}
