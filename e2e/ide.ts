// Helpers for driving the IDE in the e2e specs.
import { expect, type Page } from '@playwright/test';

/** Opens the app and waits until Monaco is up and showing a file. */
export async function openIde(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 15_000 });
}

/** Opens a file from the file list. */
export async function openFile(page: Page, path: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Files' }).getByRole('button', { name: path, exact: true }).click();
  await expect(page.getByRole('tab', { selected: true })).toHaveText(path.slice(path.lastIndexOf('/') + 1));
}

/**
 * Puts the caret into the editor: a click near the top left of its visible frame, right of the
 * line numbers (the text layer itself can be wider than the pane, or scrolled).
 */
export async function clickIntoEditor(page: Page): Promise<void> {
  await page.locator('.monaco-editor .overflow-guard').first().click({ position: { x: 100, y: 12 } });
}

/**
 * Replaces the whole text of the open file the way a learner pastes it: select all, then a
 * real paste event carrying the text (typing it would let the editor's auto-indent re-indent
 * every line).
 */
export async function replaceText(page: Page, text: string): Promise<void> {
  await clickIntoEditor(page);
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((t) => {
    const target = document.activeElement ?? document.body;
    const data = new DataTransfer();
    data.setData('text/plain', t);
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** The text of the open file, read from the editor's model through the page. */
export async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const lines = [...document.querySelectorAll('.monaco-editor .view-line')] as HTMLElement[];
    return lines.map((l) => l.innerText).join('\n');
  });
}

export const problems = (page: Page) => page.getByTestId('problems');
