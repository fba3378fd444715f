import { readFileSync } from 'node:fs';
import { expect, test } from './browser.ts';
import { clickIntoEditor, openFile, openIde, problems, replaceText } from './ide.ts';
import { terminalReady, typeCommand } from './machine.ts';

const START = 'content/01-how-a-pc-boots/start/';
const start = (p: string) => readFileSync(START + p, 'utf8');

/** The saved copy of a file (what a reload restores), read from the page's storage. */
async function savedFile(page: import('@playwright/test').Page, path: string): Promise<string | undefined> {
  return page.evaluate((p) => {
    const w = JSON.parse(localStorage.getItem('bootlab:work:v1') ?? 'null');
    return w?.steps?.[w.step]?.files?.[p];
  }, path);
}

test('editing every file of the project is saved as typed', async ({ page }) => {
  await openIde(page);
  for (const [path, extra] of [
    ['src/main.rs', '\n// edited by the test\n'],
    ['Cargo.toml', '\n# edited by the test\n'],
    ['.cargo/config.toml', '\n# edited by the test\n'],
    ['rust-toolchain', ''],
    ['x86_64-blog_os.json', '\n'],
  ] as const) {
    await openFile(page, path);
    const text = path === 'rust-toolchain' ? start(path) : start(path) + extra;
    await replaceText(page, text);
    await expect.poll(() => savedFile(page, path)).toBe(text);
  }
  await expect(problems(page)).toContainText('0 errors');
});

test('a JSON error and a TOML error show as markers and go away when fixed', async ({ page }) => {
  await openIde(page);
  const spec = start('x86_64-blog_os.json');
  // a plain `nightly` (the post's era) accepts a string width: check with a nightly that refuses it
  await openFile(page, 'rust-toolchain');
  await replaceText(page, 'nightly-2026-01-01\n');
  await openFile(page, 'x86_64-blog_os.json');
  // type the mistake with the keyboard: line 6 holds `"target-pointer-width": 64,`
  await clickIntoEditor(page);
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('"64"');
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(1);
  await expect(problems(page)).toContainText('target-pointer-width: invalid type: string "64", expected u16');
  await expect(problems(page)).toContainText('x86_64-blog_os.json:6:27');
  // the hover shows rustc's message and our note
  await page.locator('.monaco-editor .view-line', { hasText: 'target-pointer-width' }).locator('span', { hasText: '"64"' }).last().hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: 'expected u16' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/json-error-hover.png' });

  await replaceText(page, spec);
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0);
  await expect(problems(page)).toContainText('0 errors');

  // a TOML syntax error in Cargo.toml, then a key cargo would not use
  const manifest = start('Cargo.toml');
  await openFile(page, 'Cargo.toml');
  await replaceText(page, manifest.replace('version = "0.1.0"', 'version = "0.1.0'));
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(1);
  await expect(problems(page)).toContainText('TOML parse error at line 3');
  await replaceText(page, manifest + '\n[build]\ntarget = "x86_64-blog_os.json"\n');
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0);
  await expect(problems(page)).toContainText('unused manifest key: build');
  await replaceText(page, manifest);
  await expect(problems(page)).toContainText('0 errors');
  await expect(problems(page)).toContainText('0 warnings');
});

test('hovering a target field or a cargo key explains it', async ({ page }) => {
  await openIde(page);
  await openFile(page, 'x86_64-blog_os.json');
  await page.locator('.monaco-editor .view-line', { hasText: 'disable-redzone' }).locator('span', { hasText: 'disable-redzone' }).first().hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: 'red zone' })).toBeVisible();
  await openFile(page, '.cargo/config.toml');
  await page.locator('.monaco-editor .view-line', { hasText: 'build-std-features' }).locator('span', { hasText: /^build-std-features$/ }).first().hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: 'compiler-builtins-mem' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/toml-hover.png' });
});

test('a reload keeps every edit, the open file and the step', async ({ page }) => {
  await openIde(page);
  await openFile(page, 'src/main.rs');
  const text = start('src/main.rs').replace('Hello World!', 'Hello from the reload test!');
  await replaceText(page, text);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('article', { name: 'Lesson' })).toContainText('A target of our own');
  await page.getByRole('button', { name: 'Previous', exact: true }).click();
  await expect(page.getByRole('article', { name: 'Lesson' })).toContainText('How a PC starts');
  await page.reload();
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('tab', { selected: true })).toHaveText('main.rs');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('Hello from the reload test!');
  // right after typing, before any debounce could fire
  await replaceText(page, text.replace('reload test', 'quick reload'));
  await page.reload();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('Hello from the quick reload!', { timeout: 15_000 });
});

test('files can be added, renamed and deleted', async ({ page }) => {
  await openIde(page);
  const files = page.getByRole('navigation', { name: 'Files' });
  await files.getByRole('button', { name: 'New file' }).click();
  await page.getByLabel('New file name').fill('src/vga.rs');
  await page.getByLabel('New file name').press('Enter');
  await expect(files.getByRole('button', { name: 'src/vga.rs', exact: true })).toBeVisible();
  await expect(page.getByRole('tab', { selected: true })).toHaveText('vga.rs');
  await files.getByRole('button', { name: 'Rename src/vga.rs' }).click();
  await page.getByLabel('New name for src/vga.rs').fill('src/screen.rs');
  await page.getByLabel('New name for src/vga.rs').press('Enter');
  await expect(files.getByRole('button', { name: 'src/screen.rs', exact: true })).toBeVisible();
  await expect(page.getByRole('tab', { selected: true })).toHaveText('screen.rs');
  await files.getByRole('button', { name: 'Delete src/screen.rs' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(files.getByRole('button', { name: 'src/screen.rs', exact: true })).toHaveCount(0);
  // a bad name is explained, not accepted
  await files.getByRole('button', { name: 'New file' }).click();
  await page.getByLabel('New file name').fill('Cargo.toml');
  await page.getByLabel('New file name').press('Enter');
  await expect(page.locator('#file-name-problem')).toContainText('“Cargo.toml” already exists.');
});

test('Ctrl+Enter runs cargo run in the terminal, and shows what cargo really said', async ({ page }) => {
  await openIde(page);
  await clickIntoEditor(page);
  await page.keyboard.press('ControlOrMeta+Enter');
  const terminal = page.getByTestId('terminal');
  // typed for the learner at the prompt, exactly as if typed there
  await expect(terminal).toContainText('bootlab:/$ cargo run');
  // step 1's project asks for build-std, and the nightly has no rust-src yet: cargo's own message
  await expect(terminal).toContainText('rust/library/Cargo.lock" does not exist, unable to build with the standard library, try:');
  await expect(terminal).toContainText('rustup component add rust-src');
  await expect(terminal).not.toContainText('still being built');
});

test('Show solution, Back to my version and Reset step', async ({ page }) => {
  await openIde(page);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  const problemsPanel = problems(page);
  // step 2's two string widths: fine for its `nightly` (the post's era), so notes about today's, not errors
  const widthNotes = problemsPanel.locator('.problem.info', { hasText: 'invalid type: string' });
  await expect(problemsPanel).toContainText('0 errors');
  await expect(widthNotes).toHaveCount(2);
  await page.getByRole('button', { name: 'Show solution', exact: true }).click();
  await expect(widthNotes).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Solution shown' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to my version' }).click();
  await expect(widthNotes).toHaveCount(2);

  await openFile(page, 'Cargo.toml');
  await replaceText(page, 'this is not toml =');
  await expect(problemsPanel).toContainText('TOML parse error');
  await page.getByRole('button', { name: 'Reset step', exact: true }).click();
  await page.getByRole('alertdialog', { name: 'Reset this step?' }).getByRole('button', { name: 'Reset step' }).click();
  await expect(problemsPanel).not.toContainText('TOML parse error');
  await expect(widthNotes).toHaveCount(2);
  await expect(page.getByTestId('terminal')).toContainText('Step 2 reset');
});

test('the theme toggle switches and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openIde(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('.monaco-editor').first()).toHaveClass(/vs(?!-dark)/);
  // the terminal (xterm in its own frame) follows: its page and xterm's viewport turn light
  const xterm = page.frameLocator('[data-testid="terminal"] iframe');
  await expect(xterm.locator('body')).toHaveCSS('background-color', 'rgb(251, 251, 252)');
  await expect(xterm.locator('.xterm-viewport')).toHaveCSS('background-color', 'rgb(251, 251, 252)');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('two tabs on the same project: the second learns of the first one’s changes', async ({ page }) => {
  await openIde(page);
  const other = await page.context().newPage();
  await openIde(other);
  await openFile(page, 'src/main.rs');
  await replaceText(page, 'fn changed_in_tab_one() {}\n');
  const banner = other.getByRole('region', { name: 'Changed in another tab' });
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Load the other tab’s version' }).click();
  await openFile(other, 'src/main.rs');
  await expect(other.locator('.monaco-editor .view-lines')).toContainText('changed_in_tab_one');
  await expect(banner).toHaveCount(0);
});

test('Build runs cargo build: its located errors reach Problems, and their locations open the file', async ({ page }) => {
  await openIde(page);
  await terminalReady(page);
  // without .cargo/config.toml cargo builds for the host, so rustc gets to read src/main.rs
  await typeCommand(page, 'rm .cargo/config.toml');
  await openFile(page, 'src/main.rs');
  await replaceText(page, '#![no_std]\nfn main( {\n');
  await page.getByRole('button', { name: 'Build', exact: true }).click();
  const terminal = page.getByTestId('terminal');
  await expect(terminal).toContainText('bootlab:/$ cargo build');
  await expect(terminal).toContainText('error: this file contains an unclosed delimiter');
  await expect(terminal).toContainText('--> src/main.rs:2:12');
  await expect(terminal).toContainText('error: could not compile `blog_os`');
  // the compiler's finding is in the Problems panel too, at its place
  await expect(problems(page)).toContainText('this file contains an unclosed delimiter');
  // (on line 2: rustc's column 12 is just past its end, where the editor's caret can go no further)
  await expect(problems(page)).toContainText('src/main.rs:2:');
  // the link lives in the terminal's text mirror (xterm draws the visible one): keyboard-activate it
  await openFile(page, 'Cargo.toml');
  await terminal.getByRole('link', { name: 'src/main.rs:2:12' }).press('Enter');
  await expect(page.getByRole('tab', { selected: true })).toHaveText('main.rs');
  await expect(page.locator('.monaco-editor .line-numbers.active-line-number')).toHaveText('2');
  // the command is in the shell's history, as if typed: ↑ brings it back
  await terminal.click();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.locator('.terminal-mirror .t-line.input').filter({ hasText: /^bootlab:\/\$ cargo build\s*$/ })).toHaveCount(2);
  // fixing the file clears the compiler's finding
  await openFile(page, 'src/main.rs');
  await replaceText(page, '#![no_std]\nfn main() {}\n');
  await expect(problems(page)).not.toContainText('unclosed delimiter');
});

test('Ctrl+S acknowledges the save', async ({ page }) => {
  await openIde(page);
  await clickIntoEditor(page);
  await page.keyboard.press('ControlOrMeta+S');
  await expect(page.getByRole('status').filter({ hasText: 'Saved ✓' })).toBeVisible();
});

test('the open file’s tab is scrolled into view when the tabs do not fit', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openIde(page);
  for (const path of ['Cargo.toml', 'x86_64-blog_os.json', '.cargo/config.toml', 'rust-toolchain', 'src/main.rs']) {
    await openFile(page, path);
    const tab = page.getByRole('tab', { selected: true });
    const row = (await page.getByRole('tablist', { name: 'Open files' }).boundingBox())!;
    const box = (await tab.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(row.x - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(row.x + row.width + 1);
  }
});
