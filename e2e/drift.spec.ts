import { expect, test } from './browser.ts';
import { openFile, openIde, problems, replaceText } from './ide.ts';
import { typeCommand } from './machine.ts';

const WIDTH_ERROR = 'target-pointer-width: invalid type: string "64", expected u16';

/** Opens the IDE on step 2, whose target file has the post's string widths. */
async function stepTwo(page: import('@playwright/test').Page): Promise<void> {
  await openIde(page);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('tab', { selected: true })).toHaveText('x86_64-blog_os.json');
}

test('the live checks follow the project’s toolchain: rust-toolchain picks the rules', async ({ page }) => {
  await stepTwo(page);
  // `nightly` behaves as the post's era, as cargo does: no errors, notes naming the later change
  await expect(problems(page)).toContainText('0 errors');
  await expect(problems(page).locator('.problem.info')).toHaveCount(2);
  await expect(problems(page)).toContainText('nightlies from 2025-07-27 refuse it');
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0);

  await openFile(page, 'rust-toolchain');
  await replaceText(page, 'nightly-2026-01-01\n');
  await expect(problems(page)).toContainText('2 errors');
  await expect(problems(page).locator('.problem.error')).toContainText([WIDTH_ERROR, 'target-c-int-width: invalid type: string "32", expected u16']);
  await openFile(page, 'x86_64-blog_os.json');
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/screenshots/drift-dated-nightly.png' });

  await openFile(page, 'rust-toolchain');
  await replaceText(page, 'nightly\n');
  await expect(problems(page)).toContainText('0 errors');
  await openFile(page, 'x86_64-blog_os.json');
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0);
});

test('a rustup override in the terminal re-checks the files; .bootlab/ stays out of the file list', async ({ page }) => {
  await stepTwo(page);
  await expect(problems(page)).toContainText('0 errors');
  await typeCommand(page, 'rustup override set nightly-2026-01-01');
  await expect(problems(page)).toContainText('2 errors');
  await expect(problems(page)).toContainText(WIDTH_ERROR);
  const files = page.getByRole('navigation', { name: 'Files' });
  await expect(files.getByRole('button', { name: 'rust-toolchain', exact: true })).toBeVisible();
  await expect(files.getByRole('button', { name: /\.bootlab/ })).toHaveCount(0);
  await typeCommand(page, 'rustup override unset');
  await expect(problems(page)).toContainText('0 errors');
  await typeCommand(page, 'ls -a');
  await expect(page.getByTestId('terminal')).toContainText('.bootlab');
});
