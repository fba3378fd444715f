import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './browser.ts';
import { clickIntoEditor, openFile, openIde, replaceText } from './ide.ts';
import { assembleBootSector } from '../src/app/testing/boot-sectors.ts';
import { HELLO_SOURCE, typeCommand, uploadImage } from './machine.ts';

const main = readFileSync('content/01-how-a-pc-boots/start/src/main.rs', 'utf8');
const lesson = (page: Page) => page.getByRole('article', { name: 'Lesson' });

async function makeLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share a snapshot' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('of at most 60,000 characters');
  await page.screenshot({ path: 'test-results/screenshots/share-dialog.png' });
  const url = await dialog.getByLabel('Snapshot link').inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return url;
}

test('a share link opened in a fresh browser reproduces the files, the open file and the step', async ({ page, browser }) => {
  await openIde(page);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(lesson(page)).toContainText('A target of our own');
  await openFile(page, 'src/main.rs');
  const edited = main.replace('Hello World!', 'Hello from a shared link!');
  await replaceText(page, edited);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible();
  await page.keyboard.press('Escape');
  const url = await makeLink(page);
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#s=[A-Za-z0-9_-]+$/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openIde(other, url);
  await expect(lesson(other)).toContainText('A target of our own');
  await expect(other.getByRole('status').filter({ hasText: 'Opened a shared project at step 2' })).toBeVisible();
  await expect(other.getByRole('tab', { selected: true })).toHaveText('main.rs');
  await expect(other.locator('.monaco-editor .view-lines')).toContainText('Hello from a shared link!');
  // the step's other files came along too, errors included
  await expect(other.getByTestId('problems')).toContainText('target-pointer-width: invalid type: string "64", expected u16');
  // with no work of its own, the new browser keeps the snapshot as its work: it survives a reload
  await other.reload();
  await expect(other.locator('.monaco-editor .view-lines')).toContainText('Hello from a shared link!', { timeout: 15_000 });
  expect(other.url()).not.toContain('#s=');
  await fresh.close();
});

test('opening a link over saved work offers to keep it or replace it', async ({ page, browser }) => {
  // someone else's project
  const sharer = await browser.newContext();
  const theirs = await sharer.newPage();
  await openIde(theirs);
  await openFile(theirs, 'src/main.rs');
  await replaceText(theirs, main.replace('Hello World!', 'Their kernel'));
  const url = await makeLink(theirs);
  await sharer.close();

  // my own saved work
  await openIde(page);
  await openFile(page, 'src/main.rs');
  await replaceText(page, main.replace('Hello World!', 'My kernel'));

  await page.goto(url);
  const banner = page.getByRole('region', { name: 'Shared snapshot' });
  await expect(banner).toBeVisible();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('Their kernel', { timeout: 15_000 });
  await page.screenshot({ path: 'test-results/screenshots/snapshot-banner.png' });
  await banner.getByRole('button', { name: 'Keep my work' }).click();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('My kernel');
  await expect(banner).toHaveCount(0);

  await page.goto(url);
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('Their kernel', { timeout: 15_000 });
  await page.getByRole('region', { name: 'Shared snapshot' }).getByRole('button', { name: 'Replace my work with this' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Replace my work' }).click();
  await page.reload();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('Their kernel', { timeout: 15_000 });
  await expect(page.getByRole('region', { name: 'Shared snapshot' })).toHaveCount(0);
});

test('a damaged, truncated or newer link says so and changes nothing', async ({ page }) => {
  await openIde(page);
  await openFile(page, 'src/main.rs');
  await replaceText(page, main.replace('Hello World!', 'Saved before the bad link'));
  const url = await makeLink(page);
  const saved = await page.evaluate(() => localStorage.getItem('bootlab:work:v1'));
  const encoded = url.split('#s=')[1]!;
  const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  const newer = 'Ag' + encoded.slice(2); // version byte 2 (0x02 → "Ag…")

  for (const [bad, expected] of [
    [encoded.slice(0, encoded.length - 12), /damaged or incomplete/],
    [flip(encoded, 20), /damaged or incomplete/],
    [encoded + '!!', /characters that a Bootlab link never has/],
    [newer, /newer version of Bootlab/],
  ] as const) {
    await page.goto('/#s=' + bad);
    const alert = page.getByRole('alertdialog', { name: 'This link could not be opened' });
    await expect(alert).toBeVisible({ timeout: 15_000 });
    await expect(alert).toContainText(expected);
    await expect(alert).toContainText('Nothing was changed');
    await expect(page.locator('.monaco-editor .view-lines')).toContainText('Saved before the bad link', { timeout: 15_000 });
    await alert.getByRole('button', { name: 'OK' }).click();
    await expect(alert).toHaveCount(0);
    expect(await page.evaluate(() => localStorage.getItem('bootlab:work:v1'))).toBe(saved);
  }

  // the same in a page that starts with the bad link (a full load, not a fragment change)
  const second = await page.context().newPage();
  await second.goto('/#s=' + encoded.slice(0, 40));
  const alert = second.getByRole('alertdialog', { name: 'This link could not be opened' });
  await expect(alert).toContainText(/damaged or incomplete/, { timeout: 15_000 });
  await expect(second.locator('.monaco-editor .view-lines')).toContainText('Saved before the bad link', { timeout: 15_000 });
  await second.screenshot({ path: 'test-results/screenshots/link-error.png' });
  await alert.getByRole('button', { name: 'OK' }).click();
  expect(second.url()).not.toContain('#s=');
  expect(await second.evaluate(() => localStorage.getItem('bootlab:work:v1'))).toBe(saved);
});

test('Show solution or Reset step while viewing a snapshot leave the saved work alone', async ({ page, browser }) => {
  const sharer = await browser.newContext();
  const theirs = await sharer.newPage();
  await openIde(theirs);
  await theirs.getByRole('button', { name: 'Next', exact: true }).click();
  const url = await makeLink(theirs);
  await sharer.close();

  await openIde(page);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await openFile(page, 'src/main.rs');
  await replaceText(page, main.replace('Hello World!', 'Mine, on step 2'));
  await page.goto(url);
  await expect(page.getByRole('region', { name: 'Shared snapshot' })).toBeVisible();
  await page.getByRole('button', { name: 'Show solution', exact: true }).click();
  await expect(page.getByTestId('problems')).toContainText('0 errors');
  await page.getByRole('button', { name: 'Reset step', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Reset step' }).click();
  await page.getByRole('region', { name: 'Shared snapshot' }).getByRole('button', { name: 'Keep my work' }).click();
  // the editor shows only the lines in view: go to the top before reading
  const top = async () => {
    await openFile(page, 'src/main.rs');
    await clickIntoEditor(page);
    await page.keyboard.press('ControlOrMeta+Home');
  };
  await top();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('Mine, on step 2');
  await page.reload();
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 15_000 });
  await top();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('Mine, on step 2');
});

test('Download project gives a zip of the files, in a folder named after the package', async ({ page }) => {
  await openIde(page);
  await openFile(page, 'src/main.rs');
  await replaceText(page, main.replace('Hello World!', 'Going home'));
  // cargo keeps the page's rustup state in .bootlab/: that is not part of the project at home
  await typeCommand(page, 'cargo build');
  await expect(page.getByTestId('terminal')).toContainText('rustup component add rust-src');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download project' }).click()]);
  expect(download.suggestedFilename()).toBe('blog_os.zip');
  const { unzipSync, strFromU8 } = await import('fflate');
  const { readFile } = await import('node:fs/promises');
  const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
  expect(Object.keys(files).sort()).toEqual([
    'blog_os/.cargo/config.toml',
    'blog_os/Cargo.toml',
    'blog_os/rust-toolchain',
    'blog_os/src/main.rs',
    'blog_os/x86_64-blog_os.json',
  ]);
  expect(strFromU8(files['blog_os/src/main.rs']!)).toContain('Going home');
});

test('Download disk image gives the image’s exact bytes, and is disabled while there is none', async ({ page }) => {
  await openIde(page);
  const button = page.getByRole('button', { name: 'Download disk image' });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAttribute('title', /No disk image/);

  await uploadImage(page, 'hello.img', HELLO_SOURCE);
  await expect(button).toBeEnabled();
  await expect(button).toHaveAttribute('title', /hello\.img.*USB stick with dd/);
  const expected = assembleBootSector(HELLO_SOURCE, 'hello.img');
  const { readFile } = await import('node:fs/promises');
  const downloaded = async (name: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(name);
    return new Uint8Array(await readFile((await download.path())!));
  };
  expect(await downloaded('hello.img')).toEqual(expected);

  // what cargo bootimage writes under target/ comes first
  await typeCommand(page, 'mkdir -p target/x86_64-blog_os/debug && cp hello.img target/x86_64-blog_os/debug/bootimage-blog_os.bin');
  await expect(button).toHaveAttribute('title', /target\/x86_64-blog_os\/debug\/bootimage-blog_os\.bin/);
  expect(await downloaded('bootimage-blog_os.bin')).toEqual(expected);
});
