// The terminal element's text is the terminal's output, once (design.md: "UI names that tests
// rely on"), while xterm.js stays the visible, clickable view; its links work by mouse and keys.
import type { Page } from '@playwright/test';
import { expect, test } from './browser.ts';
import { openFile, openIde, replaceText } from './ide.ts';
import { terminalReady, typeCommand } from './machine.ts';

const terminal = (page: Page) => page.getByTestId('terminal');

/**
 * Moves the mouse over `label` as xterm drew it (its rows let the pointer through to xterm's
 * screen, which handles it, so a real mouse goes there) and waits until xterm shows a link.
 */
async function hoverXtermText(page: Page, label: string): Promise<{ x: number; y: number }> {
  const frame = page.frameLocator('[data-testid="terminal"] iframe');
  const row = frame.locator('.xterm-rows > div').filter({ hasText: label }).first();
  const at = await row.evaluate((el, text) => {
    const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = node.nodeValue?.indexOf(text) ?? -1;
      if (i < 0) continue;
      const range = el.ownerDocument.createRange();
      range.setStart(node, i + 2);
      range.setEnd(node, i + 3);
      const r = range.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      return { x: r.left - box.left + r.width / 2, y: r.top - box.top + r.height / 2 };
    }
    return null;
  }, label);
  expect(at).not.toBeNull();
  const box = (await row.boundingBox())!;
  const point = { x: box.x + at!.x, y: box.y + at!.y };
  await page.mouse.move(point.x, point.y);
  await expect(frame.locator('.xterm-screen')).toHaveClass(/xterm-cursor-pointer/);
  return point;
}

test('the terminal text is exactly what was typed and printed, each line once', async ({ page }) => {
  await page.goto('/');
  await terminalReady(page);
  await typeCommand(page, 'pwd');
  await typeCommand(page, 'cd src');
  await typeCommand(page, 'pwd');
  await typeCommand(page, 'ls');
  await expect(terminal(page)).toContainText('bootlab:/src$ ls');
  await expect(terminal(page)).toContainText('main.rs');

  const text = (await terminal(page).textContent()) ?? '';
  expect(text.split('\n')).toEqual([
    'Bootlab shell. Type help to see the commands.',
    'bootlab:/$ pwd',
    '/',
    'bootlab:/$ cd src',
    'bootlab:/src$ pwd',
    '/src',
    'bootlab:/src$ ls',
    'main.rs',
    '',
  ]);
  // Playwright's own text (which looks into shadow roots too) and the rendered text agree
  await expect(terminal(page)).toHaveText(text);
  const inner = await terminal(page).innerText();
  expect(inner.match(/bootlab:\/src\$ ls/g)).toHaveLength(1);
  expect(inner.trim().split('\n')).toEqual(text.trim().split('\n'));
});

test('a click on the terminal focuses xterm: typed commands run, Ctrl+Enter still runs the project', async ({ page }) => {
  await openIde(page);
  await terminalReady(page);
  await terminal(page).click();
  await page.keyboard.type('ls\n');
  await expect(terminal(page)).toContainText('bootlab:/$ ls');
  await expect(terminal(page)).toContainText('Cargo.toml');
  // a paste into xterm (inside its frame) reaches the line editor
  await page.frameLocator('[data-testid="terminal"] iframe').locator('.xterm-helper-textarea').evaluate((el) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'pwd');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.keyboard.press('Enter');
  await expect(terminal(page)).toContainText('bootlab:/$ pwd\n/\n');
  // xterm refits when its frame changes size
  const screenWidth = () => page.frameLocator('[data-testid="terminal"] iframe').locator('.xterm-screen').evaluate((el) => el.getBoundingClientRect().width);
  const before = await screenWidth();
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: viewport.width + 300, height: viewport.height });
  await expect.poll(screenWidth).toBeGreaterThan(before + 50);
  await page.setViewportSize(viewport);
  // the page's shortcut works while the focus is in the terminal
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(terminal(page)).toContainText('$ cargo run');
});

test('--> locations open the file: by a click in xterm, and by keyboard in the text', async ({ page }) => {
  await openIde(page);
  // a syntax error rustc reports with its place (built for the host: no .cargo/config.toml)
  await typeCommand(page, 'rm .cargo/config.toml');
  await openFile(page, 'src/main.rs');
  await replaceText(page, '#![no_std]\n\nfn main() {\n    let x = (1, 2;\n}\n');
  await page.getByRole('button', { name: 'Build', exact: true }).click();
  await expect(terminal(page)).toContainText('--> src/main.rs:');
  const where = /--> (src\/main\.rs:\d+:\d+)/.exec((await terminal(page).textContent()) ?? '')![1]!;
  const line = where.split(':')[1]!;

  // xterm draws the row; the link is where the text is: hover (links are found on hover), click
  await openFile(page, 'Cargo.toml');
  const location = await hoverXtermText(page, where);
  await page.mouse.click(location.x, location.y);
  await expect(page.getByRole('tab', { selected: true })).toHaveText('main.rs');
  await expect(page.locator('.monaco-editor .line-numbers.active-line-number')).toHaveText(line);

  // keyboard only: from the prompt, Shift+Tab leaves xterm for the text's links (the last one
  // first), which show while they have the focus; Enter opens the file there
  await openFile(page, 'Cargo.toml');
  await terminal(page).click();
  await page.keyboard.press('Shift+Tab');
  const link = terminal(page).getByRole('link', { name: where }).last();
  await expect(link).toBeFocused();
  await expect(link).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { selected: true })).toHaveText('main.rs');
  await expect(page.locator('.monaco-editor .line-numbers.active-line-number')).toHaveText(line);
});

test('error[E…] codes link to their explanation: by a click in xterm, and by keyboard in the text', async ({ page, context }) => {
  // no network here: the explanation page is answered locally, the test checks where it goes
  await context.route('https://doc.rust-lang.org/**', (route) => route.fulfill({ body: '<title>E0463</title>', contentType: 'text/html' }));
  await page.goto('/');
  await terminalReady(page);
  // without build-std (no .cargo/config.toml) cargo cannot find `core` for our target; step 1's
  // dated nightly also wants -Zjson-target-spec for a .json target, which the config gave
  await typeCommand(page, 'rm .cargo/config.toml');
  await typeCommand(page, 'cargo build --target x86_64-blog_os.json -Zjson-target-spec');
  await expect(terminal(page)).toContainText("error[E0463]: can't find crate for `core`");

  const code = await hoverXtermText(page, 'E0463');
  const byClick = page.waitForEvent('popup');
  await page.mouse.click(code.x, code.y);
  expect((await byClick).url()).toBe('https://doc.rust-lang.org/error_codes/E0463.html');
  // the text's link takes the keyboard (shown over xterm while it has the focus)
  const link = terminal(page).getByRole('link', { name: 'E0463' });
  await expect(link).toHaveAttribute('href', 'https://doc.rust-lang.org/error_codes/E0463.html');
  const byKey = page.waitForEvent('popup');
  await link.focus();
  await page.keyboard.press('Enter');
  expect((await byKey).url()).toBe('https://doc.rust-lang.org/error_codes/E0463.html');
});
