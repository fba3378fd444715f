// Finding and launching the Chromium that the e2e tests drive. Playwright's own browser
// download cannot run here (no network beyond the package registries), so we bring one:
//
//   1. $BOOTLAB_CHROMIUM, when set: the path of any Chromium/Chrome executable;
//   2. @sparticuz/chromium (an npm package that ships a headless Chromium for x86-64 Linux,
//      unpacked to the temp folder on first use) — the same browser on every Linux x64 machine;
//   3. a system Chromium (/usr/bin/chromium, Debian's package), e.g. on other platforms.
//
// Tests import { test, expect } from './browser.ts' instead of '@playwright/test': the
// `browser` fixture is replaced by one launched from the executable found here.
import { existsSync } from 'node:fs';
import { test as base, expect, type Browser, type LaunchOptions } from '@playwright/test';

export { expect };

/** A sane subset of headless flags: root-safe, and quiet on a machine without internet. */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox', // we run as root (CI too); Chromium refuses to sandbox as root
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const systemCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

let found: Promise<{ path: string; source: string }> | undefined;

async function find(): Promise<{ path: string; source: string }> {
  const override = process.env.BOOTLAB_CHROMIUM;
  if (override) {
    if (!existsSync(override)) throw new Error(`BOOTLAB_CHROMIUM=${override}: no such file`);
    return { path: override, source: 'BOOTLAB_CHROMIUM' };
  }
  let packageError: unknown;
  if (process.platform === 'linux' && process.arch === 'x64') {
    try {
      const { default: chromium } = await import('@sparticuz/chromium');
      return { path: await chromium.executablePath(), source: '@sparticuz/chromium' };
    } catch (e) {
      packageError = e;
    }
  }
  const system = systemCandidates.find((p) => existsSync(p));
  if (system) return { path: system, source: 'system' };
  throw new Error(
    'No Chromium found for the e2e tests. Set BOOTLAB_CHROMIUM to a Chromium executable' +
      (packageError ? `; @sparticuz/chromium failed: ${String(packageError)}` : '') +
      ` (also looked for ${systemCandidates.join(', ')}).`,
  );
}

/** The Chromium executable to use, and where it came from. Resolved once per process. */
export function findChromium(): Promise<{ path: string; source: string }> {
  found ??= find();
  return found;
}

export async function chromiumLaunchOptions(): Promise<LaunchOptions> {
  const { path } = await findChromium();
  return { executablePath: path, headless: true, args: [...chromiumArgs] };
}

export const test = base.extend<object, { browser: Browser }>({
  browser: [
    async ({ playwright }, use) => {
      const browser = await playwright.chromium.launch(await chromiumLaunchOptions());
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
});
