// cargo's compiler runs in a Worker: while the page builds `core` cold (seconds of compiling),
// the page still answers a click, and the build still ends with a linked kernel.
import { expect, test } from './browser.ts';
import { openIde } from './ide.ts';
import { typeCommand } from './machine.ts';

test('a cold cargo build compiles in a Worker: the page answers a click while core compiles', async ({ page }) => {
  test.setTimeout(120_000);
  await openIde(page);
  await typeCommand(page, 'rustup component add rust-src llvm-tools-preview');
  const terminal = page.getByTestId('terminal');
  await expect(terminal).toContainText("info: installing component 'llvm-tools'");
  // Armed before the build: the moment `Compiling core` is printed, click the theme switch and
  // time a probe queued behind the task that would compile core if the page did it itself
  // (cargo prints the line, waits a frame and a task, then compiles). On the page's thread the
  // probe would wait for all of core's compilation, which ends when `Compiling blog_os` is
  // printed; with a Worker it runs long before that. Comparing the two keeps the test
  // independent of the machine's speed.
  const probe = page.evaluate(() => new Promise<{ switched: boolean; lateMs: number; coreMs: number }>((resolve) => {
    const terminal = document.querySelector('[data-testid="terminal"]')!;
    let t0 = -1;
    let answer: { switched: boolean; lateMs: number } | undefined;
    let coreMs = -1;
    const finish = () => { if (answer && coreMs >= 0) resolve({ ...answer, coreMs }); };
    const observer = new MutationObserver(() => {
      const text = terminal.textContent ?? '';
      if (t0 < 0 && text.includes('Compiling core v0.0.0 (')) {
        t0 = performance.now();
        const before = document.documentElement.dataset.theme;
        document.querySelector<HTMLButtonElement>('.theme-toggle')!.click();
        requestAnimationFrame(() => setTimeout(() => setTimeout(() => {
          answer = { switched: document.documentElement.dataset.theme !== before, lateMs: performance.now() - t0 };
          finish();
        }, 0), 0));
      }
      if (t0 >= 0 && coreMs < 0 && text.includes('Compiling blog_os')) {
        coreMs = performance.now() - t0;
        observer.disconnect();
        finish();
      }
    });
    observer.observe(terminal, { childList: true, subtree: true, characterData: true });
  }));
  await page.getByRole('button', { name: 'Build', exact: true }).click();
  await expect(terminal).toContainText('Compiling core v0.0.0 (', { timeout: 60_000 });
  // the compiler's own Worker exists (the page's thread is not the one compiling)
  await expect.poll(() => page.workers().some((w) => w.url().includes('compiler.worker'))).toBe(true);
  const answered = await probe;
  expect(answered.switched).toBe(true);
  expect(answered.lateMs).toBeLessThan(answered.coreMs / 2);
  await expect(terminal).toContainText('Finished `dev` profile', { timeout: 60_000 });
});
