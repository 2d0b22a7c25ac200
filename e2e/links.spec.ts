// Share links on the real page: a link rebuilds what its sender sees (for a
// few random sessions typed and scrubbed in the page), and fuzzed links,
// valid and corrupted, with escape sequences and control characters in every
// field, never break the page or reach the terminal as control sequences.
// The sessions and links come from a seeded generator: LPARLAB_FUZZ_SEED
// picks another seed (each test names the one it used).

import { test, expect } from './fixtures.ts';
import { LabPage } from './labPage.ts';
import { encodeLink } from '../src/ui/share/shareLink.ts';
import type { SharedLab } from '../src/ui/share/shareLink.ts';
import { DEFAULT_CONFIG, visible } from '../src/engine/index.ts';

const SEED = Number(process.env.LPARLAB_FUZZ_SEED ?? 20261129);

/** mulberry32: the same numbers for the same seed */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const flat = (text: string) => text.replace(/\s+/g, '');

/** What the page shows of the lab: the moment shown, who owns each frame, the chart's arrows, the context. */
async function seen(lab: LabPage) {
  // xterm parses what it is given asynchronously: wait until its last line is a prompt again
  const promptOf = async () => /(\w+)\$\s*$/.exec(await lab.terminalText())?.[1] ?? '';
  await expect.poll(promptOf).not.toBe('');
  const prompt = await promptOf();
  const status = (await lab.page.getByTestId('timeline-status').textContent()) ?? '';
  return { shown: /event (\d+)/.exec(status)?.[1], owners: await lab.owners(), tags: await lab.sequenceTags(), prompt };
}

const SESSION_LINES = [
  '@A ch = connect(B)', '@B sig = signal()', '@B chb = permit(sig)', '@A a = area(4096)', '@A poke(a, "hi")',
  '@A send(ch, a, "hi")', '@B r = recv(chb)', 'lpar_create("C", 32, 2)', '@C b = area(8192)', 'x = 5', '@A', '@scp', 'back',
] as const;

for (const session of [0, 1, 2]) {
  test(`a link rebuilds what its sender sees: random session ${session}`, async ({ lab, context }) => {
    const seed = SEED + session;
    test.info().annotations.push({ type: 'fuzz seed', description: String(seed) });
    const rand = generator(seed);
    // the player may reach the end between looking at a button and clicking it: a disabled button then does nothing
    const press = async (name: string) => {
      const button = lab.timelineButton(name);
      if (await button.isEnabled()) await button.click({ force: true });
    };
    await lab.open();
    for (let i = 0; i < 8; i++) {
      const what = rand.int(10);
      if (what < 6) await lab.type(rand.pick(SESSION_LINES));
      else if (what < 8) {
        for (let k = 1 + rand.int(4); k > 0; k--) await press('step back one event');
      } else if (what < 9) await press('go to the latest event');
      else await press('go to the start');
    }
    // the link is made at a still moment, perhaps part-way through a command
    const pause = lab.page.getByRole('button', { name: 'pause' });
    if (await pause.count()) await pause.click();
    const before = await seen(lab);
    await lab.page.getByRole('button', { name: 'Share & export' }).click();
    await lab.page.getByRole('button', { name: 'Copy a link to this lab' }).click();
    const link = await lab.page.getByRole('textbox', { name: 'share link' }).inputValue();
    expect(await seen(lab)).toEqual(before);

    const other = new LabPage(await context.newPage());
    await other.open(link);
    await expect.poll(() => other.terminalText()).toContain('opened a shared lab');
    await expect.poll(() => seen(other)).toEqual(before);
    expect(other.errors).toEqual([]);
  });
}

// ------------------------------------------------------------ fuzzed links

const HOSTILE = [
  '\x1b]8;;https://evil.example/\x07CLICK HERE\x1b]8;;\x07', '\x1b[2J\x1b[3J\x1b[H', '\x1b[2A\x1b[2K', '\u009b31m', '\u009d52;c;aGk=\x07',
  '\x1b]52;c;aGVsbG8=\x07', '\x00', '\x7f', '\r', '\t', '\x1bc', '\x1bP+q\x1b\\', '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
];
const PIECES = ['@A a = area(4096)', '@A poke(a, "', '")', '# ', 'x = "', '"', 'lpar_end(A)', 'ps', 'help ', '@B ', ...HOSTILE];
const CORRUPTIONS = ['%1b', '%C2%9B', '%00', '&step=99', '&lesson=flip', '&frames=7', '&seed=%1b', '&at=-1', '&v=2', '%', '&lesson=%1b%5B2J'];

function fuzzedLink(rand: ReturnType<typeof generator>): Promise<{ link: string; lab: SharedLab; corrupted: boolean }> {
  const lines = Array.from({ length: 1 + rand.int(6) }, () => Array.from({ length: 1 + rand.int(4) }, () => rand.pick(PIECES)).join('').replace(/\n/g, ' '));
  const lesson = rand.next() < 0.3 ? rand.pick(['flip', 'fault', 'vfile']) : null;
  const lab: SharedLab = { config: { ...DEFAULT_CONFIG, seed: rand.int(1000), frames: rand.pick([128, 256, 4096]) }, lines, lesson, step: lesson ? rand.int(3) : null, at: rand.next() < 0.3 ? rand.int(200) : null };
  return encodeLink(lab).then((link) => {
    if (rand.next() < 0.5) return { link, lab, corrupted: false };
    const at = rand.int(link.length);
    return { link: link.slice(0, at) + rand.pick(CORRUPTIONS) + link.slice(at + (rand.next() < 0.5 ? 1 : 0)), lab, corrupted: true };
  });
}

test('fuzzed links, valid and corrupted, never break the page or reach the terminal as control sequences', async ({ lab }) => {
  test.info().annotations.push({ type: 'fuzz seed', description: String(SEED) });
  const rand = generator(SEED);
  for (let i = 0; i < 6; i++) {
    const { link, lab: made, corrupted } = await fuzzedLink(rand);
    await lab.open(`./#${link}`);
    const banner = lab.page.getByTestId('banner');
    await expect.poll(async () => (await lab.terminalText()).includes('opened a shared lab') || (await banner.count()) > 0, { message: link }).toBe(true);
    const text = await lab.terminalText();
    expect(text, link).not.toMatch(RAW_CONTROL);
    await expect(lab.page.locator('.xterm a, .xterm [href]')).toHaveCount(0);
    if (!corrupted) {
      expect(text, link).toContain('opened a shared lab');
      // the lines were replayed, and each shows its control characters as text
      for (const line of made.lines) if (line.trim()) expect(flat(text), link).toContain(flat(visible(line)));
    }
  }
});

test('a link with a line nested 4,096 deep replays the lines around it and says what is wrong with it', async ({ lab }) => {
  const link = await encodeLink({ config: DEFAULT_CONFIG, lines: ['@A a = area(64)', '['.repeat(4096), '@A b = area(128)'], lesson: null, step: null, at: null });
  await lab.open(`./#${link}`);
  await expect.poll(() => lab.terminalText()).toContain('3 lines replayed');
  const lines = (await lab.terminalText()).split('\n');
  expect(lines.join('\n')).toMatch(/nest deeper than \d+ levels/);
  // the line after the nested one ran: it printed its area, not an error
  const after = lines.findIndex((l) => l.endsWith('@A b = area(128)'));
  expect(after).toBeGreaterThan(0);
  expect(lines[after + 1]).toMatch(/^= 0x[0-9a-f]+$/);
});
