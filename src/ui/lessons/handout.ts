// A lesson as a handout: one page per step (its title, narration, the lines
// to type, the Memory view after the step, and the step's question), then a
// page with the answers. The lesson is played from a fresh lab with its
// solutions, so the pictures show the lesson as written. It prints to PDF
// from the page (a print stylesheet shows only the handout) and saves as one
// self-contained HTML file (pictures inline, the font inside) for a learning
// platform. Every string from the lesson goes in as text, never as markup:
// a teacher's lesson file is data.

import type { Lesson } from '../../engine/index.ts';
import { LIGHT } from '../memory/colours.ts';
import { momentReader, playLesson, recordedEvents } from '../memory/moments.ts';
import { embeddedFontCss, memoryPicture } from '../memory/picture.ts';
import { usePrefs } from '../app/prefs.ts';
import type { LabConfig } from '../../engine/index.ts';

/** The handout's id on the page while it is printed. */
export const PRINT_ID = 'lparlab-handout';

const CSS = `
.handout { font: 11pt/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif; color: #1a1a1a; background: #fff; }
.handout h1 { font-size: 15pt; margin: 0 0 2mm; }
.handout h2 { font-size: 13pt; margin: 0 0 2mm; }
.handout .where { margin: 0 0 3mm; color: #4a4a4a; font-size: 9.5pt; }
.handout .summary { margin: 0 0 3mm; }
.handout p { margin: 0 0 3mm; }
.handout pre { font: 10pt/1.4 'JetBrains Mono', ui-monospace, 'DejaVu Sans Mono', monospace; background: #f6f6f3; border: 1px solid #c9c7bf; border-radius: 2mm; padding: 2mm 3mm; margin: 0 0 3mm; white-space: pre-wrap; overflow-wrap: anywhere; }
.handout figure { margin: 0 0 3mm; }
.handout figure svg { display: block; width: 100%; height: auto; border: 1px solid #c9c7bf; }
.handout figcaption { font-size: 9pt; color: #4a4a4a; }
.handout .question { border-left: 1.2mm solid #0b57a4; padding: 1mm 3mm; margin: 0 0 3mm; }
.handout .answers li { margin: 0 0 3mm; }
.handout .page { break-after: page; page-break-after: always; break-inside: avoid; }
.handout .page:last-child { break-after: auto; page-break-after: auto; }
@media screen { .handout .page { max-width: 190mm; margin: 8mm auto; padding: 0 4mm 8mm; border-bottom: 1px solid #c9c7bf; } }
@page { size: A4; margin: 12mm 14mm; }
`;

/** The handout as an element of `doc`, with the style it needs. */
export async function handoutElement(doc: Document, lesson: Lesson, config: Partial<LabConfig>): Promise<{ root: HTMLElement; css: string }> {
  const played = playLesson(lesson, config);
  const t = played.shell.timeline;
  const read = momentReader(t);
  const boot = t.bootEvents.length;
  const total = recordedEvents(t) - boot;
  const name = lesson.number === undefined ? lesson.title : `Lesson ${lesson.number}: ${lesson.title}`;

  const root = doc.createElement('article');
  root.className = 'handout';
  const add = <K extends keyof HTMLElementTagNameMap>(parent: Element, tag: K, text?: string, cls?: string) => {
    const node = doc.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    parent.append(node);
    return node;
  };

  for (let i = 0; i < lesson.steps.length; i++) {
    const step = lesson.steps[i]!;
    const page = add(root, 'section', undefined, 'page');
    page.dataset.step = String(i + 1);
    if (i === 0) {
      add(page, 'h1', name);
      add(page, 'p', lesson.summary, 'summary');
    }
    add(page, 'p', `${name} · ${lesson.figure} · step ${i + 1} of ${lesson.steps.length}`, 'where');
    add(page, 'h2', step.title);
    add(page, 'p', step.text);
    add(page, 'pre', played.steps[i]!.lines.join('\n'));
    const moment = read(played.steps[i]!.to);
    const picture = await memoryPicture({
      moment, width: 1280, height: 720, palette: LIGHT, embedFont: false,
      label: { lesson: name, step: `step ${i + 1} of ${lesson.steps.length}: ${step.title}`, event: moment.position - boot, events: total, tags: usePrefs.getState().tags },
    });
    const figure = add(page, 'figure');
    figure.append(doc.importNode(picture.element!, true));
    add(figure, 'figcaption', `The Memory view (Figs. 4-5) after step ${i + 1}.`);
    if (step.ask) {
      const q = add(page, 'div', undefined, 'question');
      add(q, 'strong', 'Question: ');
      q.append(doc.createTextNode(step.ask.question));
    }
  }

  const answers = add(root, 'section', undefined, 'page');
  answers.dataset.answers = '';
  add(answers, 'h2', `Answers · ${name}`);
  const asked = lesson.steps.map((s, i) => ({ s, i })).filter(({ s }) => s.ask);
  if (asked.length === 0) add(answers, 'p', 'This lesson asks no questions.');
  const list = add(answers, 'ol', undefined, 'answers');
  for (const { s, i } of asked) {
    const li = add(list, 'li');
    add(li, 'strong', `Step ${i + 1}, ${s.title}: `);
    li.append(doc.createTextNode(s.ask!.question));
    add(li, 'br');
    li.append(doc.createTextNode(s.ask!.answer));
  }
  return { root, css: `${await embeddedFontCss()}\n${CSS}` };
}

/** The handout as one self-contained HTML file (no file or address outside it). */
export async function handoutFile(lesson: Lesson, config: Partial<LabConfig>): Promise<string> {
  const doc = document.implementation.createHTMLDocument(lesson.title);
  const meta = doc.createElement('meta');
  meta.setAttribute('charset', 'utf-8');
  doc.head.prepend(meta);
  const { root, css } = await handoutElement(doc, lesson, config);
  const style = doc.createElement('style');
  style.textContent = css;
  doc.head.append(style);
  doc.body.style.margin = '0';
  doc.body.append(root);
  return `<!doctype html>\n${doc.documentElement.outerHTML}\n`;
}

/**
 * Print the handout from the page: it is placed on the page, hidden on
 * screen, and a print stylesheet shows it alone; it leaves after printing.
 * Returns the number of pages it asks for (the steps and the answers).
 */
export async function printHandout(lesson: Lesson, config: Partial<LabConfig>): Promise<number> {
  document.getElementById(PRINT_ID)?.remove();
  const { root, css } = await handoutElement(document, lesson, config);
  const holder = document.createElement('div');
  holder.id = PRINT_ID;
  const style = document.createElement('style');
  style.textContent = `${css}
@media screen { #${PRINT_ID} { display: none; } }
@media print { body > :not(#${PRINT_ID}) { display: none !important; } html, body { background: #fff !important; height: auto !important; overflow: visible !important; } }`;
  holder.append(style, root);
  document.body.append(holder);
  window.addEventListener('afterprint', () => holder.remove(), { once: true });
  window.print();
  return lesson.steps.length + 1;
}
