import { expect, test } from './browser.ts';

test('the first page names the product and shows the IDE', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Bootlab/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bootlab');
  for (const name of ['Run', 'Build', 'Share', 'Next', 'Previous', 'Reset step', 'Show solution']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  }
  const files = page.getByRole('navigation', { name: 'Files' });
  for (const f of ['Cargo.toml', 'rust-toolchain', 'x86_64-blog_os.json', '.cargo/config.toml', 'src/main.rs']) {
    await expect(files.getByRole('button', { name: f, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('img', { name: 'VGA screen' })).toBeVisible();
  await expect(page.getByTestId('vga-text')).toHaveCount(1);
  await expect(page.getByTestId('terminal')).toHaveCount(1);
  await expect(page.getByRole('article', { name: 'Lesson' })).toContainText('How a PC starts');
});

for (const theme of ['dark', 'light'] as const) {
  for (const [w, h] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    test(`screenshot: ${theme} theme at ${w}×${h}`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.addInitScript((t) => localStorage.setItem('bootlab:theme', t), theme);
      await page.goto('/');
      await expect(page.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 15_000 });
      if (w < 800) await page.screenshot({ path: `test-results/screenshots/ide-${theme}-${w}x${h}-top.png` });
      // step 2 opens on the target file with its two deliberate mistakes: markers, problems, Build output
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await expect(page.getByRole('tab', { selected: true })).toHaveText('x86_64-blog_os.json');
      await page.getByRole('button', { name: 'Build', exact: true }).click();
      await expect(page.getByTestId('terminal')).toContainText('cargo build');
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await page.screenshot({ path: `test-results/screenshots/ide-${theme}-${w}x${h}.png` });
      if (w < 800) {
        await page.getByRole('region', { name: 'Editor' }).scrollIntoViewIfNeeded();
        await page.screenshot({ path: `test-results/screenshots/ide-${theme}-${w}x${h}-editor.png` });
        await page.getByTestId('terminal').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `test-results/screenshots/ide-${theme}-${w}x${h}-machine.png` });
      }
    });
  }
}

test('panes resize with the keyboard and keep their size', async ({ page }) => {
  await page.goto('/');
  const splitter = page.getByRole('separator', { name: 'Resize the lesson' });
  const before = Number(await splitter.getAttribute('aria-valuenow'));
  const lessonWidth = async () => (await page.getByRole('article', { name: 'Lesson' }).boundingBox())!.width;
  const w0 = await lessonWidth();
  await splitter.focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 10));
  expect(await lessonWidth()).toBeGreaterThan(w0 + 50);
  await page.reload();
  await expect(page.getByRole('separator', { name: 'Resize the lesson' })).toHaveAttribute('aria-valuenow', String(before + 10));
});

test('step 2 opens on the file it is about', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('tab', { selected: true })).toHaveText('x86_64-blog_os.json');
});

test('everything the page loads comes from its own origin (no CDN: Bootlab works offline)', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(baseURL!) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  await page.goto('/');
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'x86_64-blog_os.json', exact: true }).click();
  await page.locator('.monaco-editor .view-line', { hasText: 'disable-redzone' }).locator('span', { hasText: 'disable-redzone' }).first().hover();
  await expect(page.locator('.monaco-hover').filter({ hasText: 'red zone' })).toBeVisible();
  expect(foreign).toEqual([]);
});

test('after the first visit the app reloads offline, with the learner’s work', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 15_000 });
  // wait until the service worker has cached the app and controls the page
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
  });
  await page.getByRole('navigation', { name: 'Files' }).getByRole('button', { name: 'Cargo.toml', exact: true }).click();
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('tab', { selected: true })).toHaveText('Cargo.toml');
  await expect(page.getByRole('article', { name: 'Lesson' })).toContainText('How a PC starts');
  await context.setOffline(false);
});
