// The terminal element's text is the terminal's output, once (design.md: "UI names that tests
// rely on"), while xterm.js stays the visible, clickable view; its links work by mouse and keys.
import { expect, test } from './browser.ts';
import { openFile, openIde } from './ide.ts';
import { terminalReady, typeCommand } from './machine.ts';

const terminal = (page: import('@playwright/test').Page) => page.getByTestId('terminal');

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
  // the page's shortcut works while the focus is in the terminal
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(terminal(page)).toContainText('$ cargo run');
});

test('--> locations open the file: by a click in xterm, and by keyboard in the text', async ({ page }) => {
  await openIde(page);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await openFile(page, 'src/main.rs');
  await terminalReady(page);
  await page.getByRole('button', { name: 'Build', exact: true }).click();
  await expect(terminal(page)).toContainText('--> x86_64-blog_os.json:6:27');

  // xterm draws the row; the link is where the text is: hover (links are found on hover), click
  const frame = page.frameLocator('[data-testid="terminal"] iframe');
  const row = frame.locator('.xterm-rows > div').filter({ hasText: '--> x86_64-blog_os.json:6:27' }).first();
  const at = await row.evaluate((el) => {
    const label = 'x86_64-blog_os.json:6:27';
    const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = node.nodeValue?.indexOf(label) ?? -1;
      if (i < 0) continue;
      const range = el.ownerDocument.createRange();
      range.setStart(node, i + 3);
      range.setEnd(node, i + 4);
      const r = range.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      return { x: r.left - box.left + r.width / 2, y: r.top - box.top + r.height / 2 };
    }
    return null;
  });
  expect(at).not.toBeNull();
  // the rows let the pointer through to xterm's screen, which handles it: a real mouse, there
  const box = (await row.boundingBox())!;
  await page.mouse.move(box.x + at!.x, box.y + at!.y);
  await expect(frame.locator('.xterm-screen')).toHaveClass(/xterm-cursor-pointer/);
  await page.mouse.click(box.x + at!.x, box.y + at!.y);
  await expect(page.getByRole('tab', { selected: true })).toHaveText('x86_64-blog_os.json');
  await expect(page.locator('.monaco-editor .line-numbers.active-line-number')).toHaveText('6');

  await openFile(page, 'src/main.rs');
  await terminal(page).getByRole('link', { name: 'x86_64-blog_os.json:6:27' }).focus();
  await expect(terminal(page).getByRole('link', { name: 'x86_64-blog_os.json:6:27' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { selected: true })).toHaveText('x86_64-blog_os.json');
});
