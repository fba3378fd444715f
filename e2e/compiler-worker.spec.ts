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
  await page.getByRole('button', { name: 'Build', exact: true }).click();
  await expect(terminal).toContainText('Compiling core v0.0.0 (', { timeout: 60_000 });
  // the compiler's own Worker exists (the page's thread is not the one compiling)
  await expect.poll(() => page.workers().some((w) => w.url().includes('compiler.worker'))).toBe(true);
  // a click while core compiles: the theme switch is painted before the kernel's crate starts
  const answered = await page.evaluate(async () => {
    const terminalText = () => document.querySelector('[data-testid="terminal"]')?.textContent ?? '';
    const button = document.querySelector<HTMLButtonElement>('.theme-toggle')!;
    const before = document.documentElement.dataset.theme;
    button.click();
    await new Promise((r) => requestAnimationFrame(r));
    return { switched: document.documentElement.dataset.theme !== before, crateStarted: terminalText().includes('Compiling blog_os') };
  });
  expect(answered).toEqual({ switched: true, crateStarted: false });
  await expect(terminal).toContainText('Finished `dev` profile', { timeout: 60_000 });
});
