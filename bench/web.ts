// The page's speed, measured in headless Chromium on a production build (`npm run bench:web`):
//   - time to a usable editor: the plain text area that stands in first, and Monaco;
//   - the cost of one VGA frame (renderer + canvas update + text mirror) while a guest rewrites
//     every cell as fast as it can, and of the frames of a normal boot;
//   - the longest main-thread task (Long Tasks API, tasks over 50 ms) while a guest loops
//     forever, and while one floods the screen;
//   - the longest main-thread task during a cold `cargo build` (our `core`, compiler_builtins and
//     the post's kernel, compiled in the compiler Worker), and how long that build took; then
//     during the `cargo run` after it (bootimage, boot, the kernel's Hello World!).
// It prints figures and never fails on them. Uses its own port (4327), so it can run beside
// an e2e run; `--no-build` reuses dist/.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/browser.ts';
import { assembleBootSector, FLOOD_SOURCE, HELLO_SOURCE, SPIN_SOURCE } from '../src/app/testing/boot-sectors.ts';

const PORT = 4327;
const URL_ = `http://127.0.0.1:${PORT}/`;
const WATCH_MS = 5000;

async function waitForServer(url: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (server.exitCode !== null) throw new Error('vite preview exited');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer`);
}

async function upload(page: Page, name: string, source: string): Promise<void> {
  await page.getByLabel('Disk image to upload').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(assembleBootSector(source)) });
}

/** Watches long tasks for `ms` and returns the longest and how many there were. */
async function longTasks(page: Page, ms: number): Promise<{ longest: number; count: number }> {
  return page.evaluate(
    (ms) =>
      new Promise<{ longest: number; count: number }>((resolve) => {
        let longest = 0;
        let count = 0;
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            longest = Math.max(longest, e.duration);
            count++;
          }
        });
        observer.observe({ type: 'longtask', buffered: false });
        setTimeout(() => {
          observer.disconnect();
          resolve({ longest, count });
        }, ms);
      }),
    ms,
  );
}

/** Long tasks from now until `work` is done: the longest, how many, and how long `work` took. */
async function longTasksDuring(page: Page, work: () => Promise<void>): Promise<{ longest: number; count: number; ms: number }> {
  await page.evaluate(() => {
    const seen = { longest: 0, count: 0, observer: null as PerformanceObserver | null };
    seen.observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        seen.longest = Math.max(seen.longest, e.duration);
        seen.count++;
      }
    });
    seen.observer.observe({ type: 'longtask', buffered: false });
    (globalThis as unknown as { __longTasks: typeof seen }).__longTasks = seen;
  });
  const t0 = Date.now();
  await work();
  const ms = Date.now() - t0;
  // a task still running when `work` ended is reported once it ends: give it a turn
  await page.waitForTimeout(100);
  const seen = await page.evaluate(() => {
    const s = (globalThis as unknown as { __longTasks: { longest: number; count: number; observer: PerformanceObserver } }).__longTasks;
    s.observer.disconnect();
    return { longest: s.longest, count: s.count };
  });
  return { ...seen, ms };
}

/** Types a command line into the page's terminal and waits until the terminal shows `until`. */
async function terminalCommand(page: Page, line: string, until: string): Promise<void> {
  await page.frameLocator('[data-testid="terminal"] iframe').locator('.xterm-helper-textarea').waitFor({ state: 'attached', timeout: 10_000 });
  await page.getByTestId('terminal').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await page.getByTestId('terminal').filter({ hasText: until }).waitFor({ state: 'attached', timeout: 30_000 });
}

interface Stats { frames: number; fullFrames: number; totalMs: number; maxMs: number; fullMs: number }
const readStats = (page: Page) => page.evaluate(() => ({ ...(globalThis as unknown as { __bootlabVgaStats: Stats }).__bootlabVgaStats }));
const diff = (a: Stats, b: Stats): Stats => ({
  frames: b.frames - a.frames, fullFrames: b.fullFrames - a.fullFrames, totalMs: b.totalMs - a.totalMs, maxMs: b.maxMs, fullMs: b.fullMs - a.fullMs,
});

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    console.log('building (vite build)…');
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore', detached: true });
  try {
    await waitForServer(URL_, server);
    const browser = await chromium.launch(await chromiumLaunchOptions());
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // When the editor becomes usable: the stand-in text area, then Monaco.
    await page.addInitScript(() => {
      const marks: Record<string, number> = {};
      (globalThis as unknown as { __marks: Record<string, number> }).__marks = marks;
      new MutationObserver(() => {
        if (!marks.textarea && document.querySelector('.editor-area textarea, .editor-body textarea')) marks.textarea = performance.now();
        if (!marks.monaco && document.querySelector('.monaco-editor .view-lines')) marks.monaco = performance.now();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(URL_);
    await page.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
    const marks = await page.evaluate(() => (globalThis as unknown as { __marks: Record<string, number> }).__marks);
    const rows: [string, string][] = [];
    rows.push(['first editor (text area) after navigation start', marks.textarea ? `${marks.textarea.toFixed(0)} ms` : 'not seen']);
    rows.push(['Monaco editor usable after navigation start', `${(marks.monaco ?? NaN).toFixed(0)} ms`]);

    // A cold build of the post's kernel from the Build button: core, compiler_builtins, blog_os.
    await terminalCommand(page, 'rustup component add rust-src llvm-tools-preview', "installing component 'llvm-tools'");
    // the build alone is measured: a second for the page to settle after loading Monaco
    await page.waitForTimeout(1000);
    const build = await longTasksDuring(page, async () => {
      await page.getByRole('button', { name: 'Build', exact: true }).click();
      await page.getByTestId('terminal').filter({ hasText: /Finished `dev` profile|error: could not compile/ }).waitFor({ state: 'attached', timeout: 120_000 });
    });
    rows.push(['cold cargo build (core, compiler_builtins, kernel), click to Finished', `${build.ms} ms`]);
    rows.push(['longest main-thread task, cold cargo build', build.count ? `${build.longest.toFixed(0)} ms (${build.count} tasks over 50 ms)` : 'none over 50 ms']);
    // then Run: the kernel is fresh, so bootimage wraps it and the PC boots it
    const run = await longTasksDuring(page, async () => {
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await page.getByTestId('vga-text').filter({ hasText: 'Hello World!' }).waitFor({ state: 'attached', timeout: 60_000 });
    });
    rows.push(['cargo run after that build (bootimage, boot), click to Hello World!', `${run.ms} ms`]);
    rows.push(['longest main-thread task, that cargo run', run.count ? `${run.longest.toFixed(0)} ms (${run.count} tasks over 50 ms)` : 'none over 50 ms']);

    let s0 = await readStats(page);
    await upload(page, 'hello.img', HELLO_SOURCE);
    await page.getByTestId('vga-text').filter({ hasText: 'Hello, VGA memory' }).waitFor({ state: 'attached', timeout: 20_000 });
    await page.waitForTimeout(600);
    let d = diff(s0, await readStats(page));
    rows.push(['VGA frames while booting hello.img', `${d.frames} frames, mean ${(d.totalMs / Math.max(1, d.frames)).toFixed(3)} ms`]);

    s0 = await readStats(page);
    await upload(page, 'flood.img', FLOOD_SOURCE);
    await page.getByRole('region', { name: 'Screen' }).getByRole('status').filter({ hasText: 'MIPS' }).waitFor({ timeout: 20_000 });
    const floodTasks = await longTasks(page, WATCH_MS);
    d = diff(s0, await readStats(page));
    rows.push(['full-screen VGA frame (all 2000 cells changed)', `mean ${(d.fullMs / Math.max(1, d.fullFrames)).toFixed(3)} ms over ${d.fullFrames} frames (slowest frame so far ${d.maxMs.toFixed(2)} ms)`]);
    rows.push([`frames drawn in ${WATCH_MS / 1000} s of a flooding guest`, `${((d.frames / (WATCH_MS + 1000)) * 1000).toFixed(0)} per second (about)`]);
    rows.push(['longest main-thread task, guest flooding the screen', floodTasks.count ? `${floodTasks.longest.toFixed(0)} ms (${floodTasks.count} tasks over 50 ms)` : 'none over 50 ms']);

    await upload(page, 'spin.img', SPIN_SOURCE);
    await page.getByRole('region', { name: 'Screen' }).getByRole('status').filter({ hasText: 'MIPS' }).waitFor({ timeout: 20_000 });
    const spinTasks = await longTasks(page, WATCH_MS);
    const status = await page.getByRole('region', { name: 'Screen' }).getByRole('status').textContent();
    rows.push(['longest main-thread task, guest in a tight loop', spinTasks.count ? `${spinTasks.longest.toFixed(0)} ms (${spinTasks.count} tasks over 50 ms)` : 'none over 50 ms']);
    rows.push(['guest speed shown (tight loop)', (status ?? '').replace(/^.*· /, '').trim()]);
    // A click while the guest spins: from the click to the theme change on the page.
    const answer = await page.evaluate(async () => {
      const button = document.querySelector<HTMLButtonElement>('.theme-toggle')!;
      const before = document.documentElement.dataset.theme;
      const t0 = performance.now();
      button.click();
      for (;;) {
        await new Promise((r) => requestAnimationFrame(r));
        if (document.documentElement.dataset.theme !== before) return performance.now() - t0;
      }
    });
    rows.push(['a click answered (theme switch painted), guest in a tight loop', `${answer.toFixed(0)} ms`]);
    await browser.close();

    const width = Math.max(...rows.map((r) => r[0].length));
    console.log('\nBootlab in headless Chromium (production build, 1280×800):');
    for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
