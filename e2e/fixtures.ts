// Every end-to-end test gets a LabPage and fails if the page logged a console
// error or threw, so "no console errors" holds for the whole suite.

import { test as base, expect } from '@playwright/test';
import { LabPage } from './labPage.ts';

export const test = base.extend<{ lab: LabPage }>({
  lab: async ({ page }, use) => {
    const lab = new LabPage(page);
    await use(lab);
    expect(lab.errors, 'console errors and page errors').toEqual([]);
  },
});

export { expect };
