import { chromium } from '@playwright/test';
const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const lines = (process.argv[3] ?? '').split(';;').filter(Boolean);
const out = process.argv[4] ?? '/tmp/shots/page.png';
const w = Number(process.argv[5] ?? 1280), h = Number(process.argv[6] ?? 720);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: w, height: h } });
const errors = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(e.message));
await page.goto(url);
await page.waitForSelector('.xterm-helper-textarea', { state: 'attached' });
await page.click('.terminal-host');
for (const l of lines) { await page.keyboard.type(l); await page.keyboard.press('Enter'); await page.waitForTimeout(150); }
await page.waitForTimeout(Number(process.env.WAIT ?? 400));
await page.screenshot({ path: out });
console.log(JSON.stringify(errors));
await browser.close();
