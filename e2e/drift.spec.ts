import { expect, test } from './browser.ts';
import { openFile, openIde, problems, replaceText } from './ide.ts';
import { typeCommand } from './machine.ts';

const WIDTH_ERROR = 'target-pointer-width: invalid type: string "64", expected u16';

/** Opens the IDE on step 2, whose files are the post's (string widths, LLVM 17's layout, no rustc-abi). */
async function stepTwo(page: import('@playwright/test').Page): Promise<void> {
  await openIde(page);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('tab', { selected: true })).toHaveText('x86_64-blog_os.json');
}

test('the live checks follow the project’s toolchain: rust-toolchain picks the rules', async ({ page }) => {
  await stepTwo(page);
  // `nightly` behaves as the post's era, as cargo does: no errors, notes naming the later changes
  // (the target file's layout, two widths and two soft-float features; the cargo config's -Zjson-target-spec)
  await expect(problems(page)).toContainText('0 errors');
  await expect(problems(page).locator('.problem.info')).toHaveCount(6);
  await expect(problems(page)).toContainText('nightlies from 2025-07-27 refuse it');
  await expect(problems(page)).toContainText('nightlies from 2024-02-01 refuse it');
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0);

  await openFile(page, 'rust-toolchain');
  await replaceText(page, 'nightly-2026-01-01\n');
  await expect(problems(page)).toContainText('5 errors');
  await expect(problems(page).locator('.problem.error')).toContainText([
    'differs from LLVM target',
    WIDTH_ERROR,
    'target-c-int-width: invalid type: string "32", expected u16',
    'target feature `sse2` is required by the ABI',
    'target feature `soft-float` is incompatible with the ABI',
  ]);
  await openFile(page, 'x86_64-blog_os.json');
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(5);
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
  await expect(problems(page)).toContainText('5 errors');
  await expect(problems(page)).toContainText(WIDTH_ERROR);
  const files = page.getByRole('navigation', { name: 'Files' });
  await expect(files.getByRole('button', { name: 'rust-toolchain', exact: true })).toBeVisible();
  await expect(files.getByRole('button', { name: /\.bootlab/ })).toHaveCount(0);
  await typeCommand(page, 'rustup override unset');
  await expect(problems(page)).toContainText('0 errors');
  await typeCommand(page, 'ls -a');
  await expect(page.getByTestId('terminal')).toContainText('.bootlab');
});

test('step 2’s solution is the port: it selects nightly-2026-01-01 and has no errors under it', async ({ page }) => {
  await stepTwo(page);
  await page.getByRole('button', { name: 'Show solution', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Solution shown' })).toBeVisible();
  await expect(problems(page)).toContainText('0 errors');
  // what later nightlies change again stays a note: the ABI's new name (2026-07-05)
  await expect(problems(page).locator('.problem.info', { hasText: "invalid rustc abi: 'x86-softfloat'" })).toHaveCount(1);
  await expect(problems(page).locator('.problem.info', { hasText: 'invalid type: string' })).toHaveCount(0);
  await openFile(page, 'rust-toolchain');
  await expect(page.locator('.monaco-editor .view-line').first()).toHaveText('nightly-2026-01-01');
});
