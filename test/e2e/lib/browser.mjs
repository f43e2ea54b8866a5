// Headless Debian Chromium driven by playwright-core (no browser download). Closed on every way out.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './code-server.mjs';
import { onCleanup } from './cleanup.mjs';

/** Launches Chromium with HOME/XDG in `scratch` (it writes crash reports and dconf there). */
export async function launchBrowser({ scratch }) {
  const home = path.join(scratch, 'chromium-home');
  for (const d of ['', '.config', '.cache']) fs.mkdirSync(path.join(home, d), { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true, // playwright adds --headless
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') },
    // Signals are handled by cleanup.mjs, which closes the browser before code-server.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: 60_000,
  });
  onCleanup(() => browser.close());
  return browser;
}
