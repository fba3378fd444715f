import { expect, test } from './browser.ts';

test('the first page names the product', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Bootlab/);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('Bootlab — learn how a kernel starts');
  await expect(page.getByText('A Minimal Rust Kernel', { exact: false })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/home.png', fullPage: true });
});
