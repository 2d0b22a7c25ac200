// A lesson as a handout: printed to PDF from the page (one page per step and
// one for the answers), and saved as one self-contained HTML file that a
// learning platform can host and that prints the same way.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect } from './fixtures.ts';
import { findLesson } from '../src/engine/index.ts';

const OUT = 'test-results/handout';

/** Pages of a PDF as Chromium writes it: one "/Type /Page" object per page (the tree's root is "/Type /Pages"). */
function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}

test.describe('a lesson as a handout', () => {
  test.use({ reducedMotion: 'reduce' });

  test('prints from the page to a PDF of one page per step and a page of answers', async ({ lab }) => {
    const lesson = findLesson('flip')!;
    await lab.open('./?lesson=flip');
    // the browser's print dialog cannot be driven: count the prints, and print the page to PDF as the dialog would
    await lab.page.evaluate(() => {
      (window as unknown as { prints: number }).prints = 0;
      window.print = () => { (window as unknown as { prints: number }).prints++; };
    });
    await lab.page.getByRole('button', { name: 'Share & export' }).click();
    await lab.page.getByRole('button', { name: 'Print the lesson handout' }).click();
    const menu = lab.page.getByRole('group', { name: 'share and export' });
    await expect(menu.getByRole('status')).toHaveText(`Printing the handout: ${lesson.steps.length + 1} pages (choose "Save as PDF" for a file).`, { timeout: 60_000 });
    expect(await lab.page.evaluate(() => (window as unknown as { prints: number }).prints)).toBe(1);
    // on screen the lab stays as it was: the handout shows only in print
    await expect(lab.page.locator('#lparlab-handout')).toBeHidden();
    await expect(lab.page.getByTestId('memory-view')).toBeVisible();
    // what is printed: a page per step and the answers
    const sections = await lab.page.locator('#lparlab-handout section.page').evaluateAll((s) => s.map((n) => n.querySelector('h2')?.textContent ?? ''));
    expect(sections).toEqual([...lesson.steps.map((s) => s.title), `Answers · Lesson 4: ${lesson.title}`]);
    const pdf = await lab.page.pdf({ format: 'A4' });
    mkdirSync(OUT, { recursive: true });
    writeFileSync(`${OUT}/printed.pdf`, pdf);
    expect(pdfPages(pdf)).toBe(lesson.steps.length + 1);
    // printed, the handout leaves the page
    await expect(lab.page.locator('#lparlab-handout')).toHaveCount(0);
  });

  test('saves as one self-contained HTML file: every step with its lines, picture and question, then the answers', async ({ lab, browser }) => {
    const lesson = findLesson('flip')!;
    await lab.open('./?lesson=flip&step=2');
    await lab.page.getByRole('button', { name: 'Share & export' }).click();
    const [file] = await Promise.all([
      lab.page.waitForEvent('download', { timeout: 60_000 }),
      lab.page.getByRole('button', { name: 'Lesson handout (HTML)' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe('lparlab-flip-handout.html');
    const html = readFileSync((await file.path())!, 'utf8');
    // nothing outside the file: no script, and every address a data: URL
    expect(html).not.toMatch(/<script/i);
    const addresses = [...html.matchAll(/(?:src|href)\s*=\s*"([^"]*)"|url\(([^)]*)\)/g)].map((m) => (m[1] ?? m[2]!).replace(/^['"]/, ''));
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.filter((a) => !a.startsWith('data:'))).toEqual([]);
    mkdirSync(OUT, { recursive: true });
    const path = resolve(OUT, 'flip-handout.html');
    writeFileSync(path, html);

    // opened from disk, as a learning platform's download would be, with no network at all
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    const outside: string[] = [];
    page.on('request', (r) => !/^(file|data):/.test(r.url()) && outside.push(r.url()));
    await page.goto(pathToFileURL(path).href);
    const steps = await page.locator('section.page[data-step]').evaluateAll((pages) => pages.map((p) => ({
      title: p.querySelector('h2')?.textContent,
      lines: p.querySelector('pre')?.textContent,
      frames: p.querySelectorAll('figure svg [data-frame]').length,
      question: p.querySelector('.question')?.textContent ?? null,
    })));
    expect(steps.map((s) => s.title)).toEqual(lesson.steps.map((s) => s.title));
    lesson.steps.forEach((s, i) => {
      expect(steps[i]!.lines).toBe((s.solution ?? s.type).join('\n'));
      expect(steps[i]!.frames).toBe(256);
      expect(steps[i]!.question).toBe(s.ask ? `Question: ${s.ask.question}` : null);
    });
    const answers = await page.locator('section.page[data-answers]').textContent();
    for (const s of lesson.steps.filter((x) => x.ask)) expect(answers).toContain(s.ask!.answer);
    // the font is inside: the page renders it without asking anyone
    expect(await page.evaluate(async () => { await document.fonts.ready; return document.fonts.check("12px 'JetBrains Mono'"); })).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    writeFileSync(`${OUT}/from-file.pdf`, pdf);
    expect(pdfPages(pdf)).toBe(lesson.steps.length + 1);
    expect(outside).toEqual([]);
    await context.close();
  });
});
