import { describe, expect, it } from 'vitest';
import { createShell, runLine, traceOf } from '../../engine/index.ts';
import type { ShellState } from '../../engine/index.ts';
import { sequenceView } from '../../engine/index.ts';
import { totalEvents, useLab } from '../store/labStore.ts';
import { escapeXml, LIGHT_SVG_THEME, mixColour, sequenceSvg, splitInTwo } from './sequenceSvg.ts';
import type { SvgTheme } from './sequenceSvg.ts';
import { commandStartsOf, eventsUpTo, exportSequenceSvg } from './exportSequenceSvg.ts';

/** A small well-formedness check: tags nest and close, attribute values hold no raw < or &. */
function checkXml(svg: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/g;
  let rest = svg;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(svg))) {
    const [, close, name, attrs, selfClose] = m;
    for (const v of attrs!.matchAll(/="([^"]*)"/g)) {
      expect(v[1]).not.toMatch(/<|&(?!amp;|lt;|gt;|quot;|apos;)/);
    }
    if (close) expect(stack.pop()).toBe(name);
    else if (!selfClose) stack.push(name!);
    rest = rest.replace(m[0], '');
  }
  expect(stack).toEqual([]);
  // what is left is text: no stray markup, and every & is an entity
  expect(rest).not.toMatch(/[<>]/);
  expect(rest).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
}

function shellOf(lines: readonly string[]): ShellState {
  let shell = createShell();
  for (const line of lines) shell = runLine(shell, line).shell;
  return shell;
}

const FIG6 = ['@A', 'ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', 'a = area(4096)', 'send(ch, a, "a & <b>")'];

describe('sequenceSvg', () => {
  const shell = shellOf(FIG6);
  const t = shell.timeline;
  const model = sequenceView(traceOf(t), t.current, { bootEvents: t.bootEvents.length, commandStarts: commandStartsOf(t) });
  const focus = model.arrows.at(-1)!.seq;
  const svg = sequenceSvg(model, { focusSeq: focus, title: 'Fig. 6 "guest to guest"' });

  it('is a standalone, well-formed SVG document', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    checkXml(svg);
  });

  it('has every colour inline: no CSS variables, no classes, no stylesheet', () => {
    expect(svg).not.toMatch(/var\(--/);
    expect(svg).not.toMatch(/class=/);
    expect(svg).not.toMatch(/<style/);
    expect(svg).toContain(`fill="${LIGHT_SVG_THEME.bg}"`);
  });

  it('draws one arrow per event with its tag, and the lane headers', () => {
    const arrows = [...svg.matchAll(/<g data-seq="(\d+)" data-tag="([^"]*)">/g)];
    expect(arrows.map((a) => Number(a[1]))).toEqual(model.arrows.map((a) => a.seq));
    // a patent step prints itself; a lab extension prints "lab"
    for (const a of model.arrows) expect(svg).toContain(`>${escapeXml(a.mark)}</tspan> ${escapeXml(a.label)}</text>`);
    expect(svg).toContain('data-tag="lab:provision"');
    expect(svg).toContain('>lab</tspan> grant</text>');
    for (const lane of ['A', 'B', 'control OS', 'program', 'kernel']) expect(svg).toContain(`>${lane}</text>`);
  });

  it('names the system control program in full before any bare scp: one header over its program and kernel lanes', () => {
    const texts = [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    const first = texts.findIndex((t) => /\bscp\b/.test(t));
    expect(texts[first]).toBe('system control program (scp)');
    expect(texts.indexOf('program')).toBeGreaterThan(first);
    expect(texts.indexOf('kernel')).toBeGreaterThan(first);
    expect(svg).toContain('S107</tspan> flip');
  });

  it('prints the tags as the reader chose: step numbers only, or none at all', () => {
    const opts = { bootEvents: t.bootEvents.length, commandStarts: commandStartsOf(t) };
    const steps = sequenceSvg(sequenceView(traceOf(t), t.current, { ...opts, tags: 'steps' }), { focusSeq: focus });
    checkXml(steps);
    expect(steps).toContain('S107</tspan> flip');
    expect(steps).not.toContain('>lab</tspan>');
    expect(steps).not.toMatch(/>\[\d{4}\]<\/tspan>/);
    expect(steps).toContain('>grant</text>');
    const none = sequenceSvg(sequenceView(traceOf(t), t.current, { ...opts, tags: 'none' }), { focusSeq: focus });
    checkXml(none);
    expect(none).not.toContain('</tspan>');
    expect(none).toContain('>flip</text>');
    // the tooltips lose the tag too: only the trace's words
    expect(none).not.toMatch(/<title>(S\d|\[\d{4}\]|lab:)/);
  });

  it('escapes the trace\'s own words in tooltips and the title', () => {
    expect(svg).toContain('&quot;a &amp; &lt;b&gt;&quot;');
    expect(svg).toContain('<title>Fig. 6 &quot;guest to guest&quot;</title>');
  });

  it('highlights the focused arrow in the accent colour and no other', () => {
    const accentStrokes = svg.match(new RegExp(`stroke="${LIGHT_SVG_THEME.accent}"`, 'g')) ?? [];
    expect(accentStrokes).toHaveLength(1);
    const focused = svg.slice(svg.indexOf(`<g data-seq="${focus}"`));
    expect(focused).toContain(`stroke="${LIGHT_SVG_THEME.accent}" stroke-width="2.5"`);
  });

  it('puts a lane name that does not fit on two lines', () => {
    const long = { ...model, lanes: model.lanes.map((l) => (l.kind === 'control' ? { ...l, label: 'system control program' } : l)) };
    const out = sequenceSvg(long, { font: 10 });
    checkXml(out);
    expect(out).toMatch(/<tspan x="[\d.]+" dy="-11.0">system control<\/tspan><tspan x="[\d.]+" dy="11.0">program<\/tspan>/);
  });

  it('takes a theme', () => {
    const dark: SvgTheme = { bg: '#101214', panel: '#1a1d21', ink: '#ecebe8', ink2: '#b8b6b0', line: '#3d424a', accent: '#8ab4f8', tag: '#8fd0ff' };
    const out = sequenceSvg(model, { theme: dark });
    expect(out).toContain('fill="#101214"');
    expect(out).toContain('fill="#8fd0ff"');
    expect(out).not.toContain(LIGHT_SVG_THEME.bg);
  });
});

describe('colour and text helpers', () => {
  it('mixes two colours', () => {
    expect(mixColour('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mixColour('#0b57a4', '#ffffff', 0)).toBe('#ffffff');
    expect(mixColour('#0b57a4', '#ffffff', 1)).toBe('#0b57a4');
    expect(mixColour('rgb(1, 2, 3)', '#ffffff', 0.5)).toBe('#ffffff');
  });

  it('splits a long lane name in two near its middle', () => {
    expect(splitInTwo('scp program (ended)')).toEqual(['scp program', '(ended)']);
    expect(splitInTwo('control OS')).toEqual(['control', 'OS']);
    expect(splitInTwo('A')).toEqual(['A', '']);
  });

  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});

describe('exportSequenceSvg', () => {
  it('exports the chart up to the playhead from the store', () => {
    const lab = useLab.getState();
    for (const line of FIG6) lab.submit(line);
    const total = totalEvents(useLab.getState().shell);
    useLab.getState().seek(total);
    const all = exportSequenceSvg();
    checkXml(all);
    expect(all).toContain('data-tag="S107"');
    expect(all).toContain('data-tag="[0053]"');
    expect(all).toContain(`data-seq="${total - 1}"`);

    // move the playhead back to the first S107 arrow: nothing after it is exported
    const firstSend = eventsUpTo(useLab.getState().shell.timeline, total).find((e) => e.tag === 'S107')!;
    useLab.getState().seekEvent(firstSend.seq);
    const part = exportSequenceSvg();
    expect(part).toContain(`data-seq="${firstSend.seq}"`);
    expect(part).not.toContain(`data-seq="${firstSend.seq + 1}"`);

    const noBoot = exportSequenceSvg({ skipBoot: true });
    expect(noBoot).not.toContain('data-tag="[0053]"');
    expect(noBoot).toContain('data-tag="S101"');
  });
});
