// Runs once before the workers start: unpacks/locates Chromium a single time (two workers
// unpacking @sparticuz/chromium into the same temp file at once would race) and hands the
// path to the workers through BOOTLAB_CHROMIUM.
import { findChromium } from './browser.ts';

export default async function globalSetup(): Promise<void> {
  const { path, source } = await findChromium();
  if (!process.env.BOOTLAB_CHROMIUM) {
    process.env.BOOTLAB_CHROMIUM = path;
    if (!process.env.CI) console.log(`e2e: Chromium from ${source}: ${path}`);
  }
}
