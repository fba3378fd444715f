// The PC in the page: booting from the terminal and from an upload, QEMU's messages, the
// keyboard, a looping guest that must not freeze the page, and screenshots of the screen.
import { expect, test } from './browser.ts';
import { assembleBootSector } from '../src/app/testing/boot-sectors.ts';
import { dropFile, helloKernelElf, ECHO_SOURCE, SERIAL_SOURCE, HELLO_SOURCE, machineStatus, SPIN_SOURCE, typeCommand, uploadImage, vgaText } from './machine.ts';

test('an uploaded image boots and its text reaches the VGA mirror', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto('/');
  await uploadImage(page, 'hello.img', HELLO_SOURCE);
  await expect(vgaText(page)).toContainText('Hello from int 10h', { timeout: 15_000 });
  await expect(vgaText(page)).toContainText('Hello, VGA memory');
  await expect(machineStatus(page)).toContainText('Halted');
  await expect(page.getByTestId('terminal')).toContainText('qemu-system-x86_64 -drive format=raw,file=hello.img');
  // the image is in the project; the editor shows it as a binary file that can be booted
  await page.getByRole('navigation', { name: 'Files' }).getByRole('button', { name: 'hello.img', exact: true }).click();
  await expect(page.getByRole('note')).toContainText('hello.img is a binary file (512 bytes)');
  await page.getByRole('button', { name: 'Power' }).click();
  await expect(machineStatus(page)).toHaveText(/Powered off/);
  await page.getByRole('button', { name: 'Boot it on the screen' }).click();
  await expect(vgaText(page)).toContainText('Hello, VGA memory', { timeout: 15_000 });
  expect(problems).toEqual([]);
});

test('an uploaded image is still in the project after a reload', async ({ page }) => {
  await page.goto('/');
  await uploadImage(page, 'hello.img', HELLO_SOURCE);
  await expect(vgaText(page)).toContainText('Hello', { timeout: 15_000 });
  await page.waitForTimeout(600); // saved to IndexedDB 300 ms after the change
  await page.reload();
  const file = page.getByRole('navigation', { name: 'Files' }).getByRole('button', { name: 'hello.img', exact: true });
  await expect(file).toBeVisible({ timeout: 10_000 });
  await typeCommand(page, 'qemu-system-x86_64 -hda hello.img');
  await expect(vgaText(page)).toContainText('Hello, VGA memory', { timeout: 15_000 });
});

test('the terminal boots an image from the file system with qemu-system-x86_64', async ({ page }) => {
  await page.goto('/');
  // put the image into the project by dropping it, then switch the PC off
  await dropFile(page, 'hello.img', assembleBootSector(HELLO_SOURCE));
  await expect(vgaText(page)).toContainText('Hello', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Power' }).click();
  await expect(machineStatus(page)).toHaveText(/Powered off/);
  await expect(vgaText(page)).toHaveText('');
  await typeCommand(page, 'ls && qemu-system-x86_64 -drive format=raw,file=hello.img');
  await expect(vgaText(page)).toContainText('Hello from int 10h', { timeout: 15_000 });
  await expect(vgaText(page)).toContainText('Hello, VGA memory');
  // the new PC's screen covers all of "no signal" (rows 11-13 of the screen are blank: black)
  const lit = await page.getByRole('img', { name: 'VGA screen' }).evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 11 * 16, 720, 3 * 16).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! | data[i + 1]! | data[i + 2]!) n++;
    return n;
  });
  expect(lit).toBe(0);
  await expect(page.getByTestId('terminal')).toContainText('hello.img');
});

test('an uploaded ELF kernel is put behind the bootloader and boots', async ({ page }) => {
  await page.goto('/');
  await dropFile(page, 'kernel', helloKernelElf());
  await expect(vgaText(page)).toContainText('Hello from an ELF kernel', { timeout: 20_000 });
  const terminal = page.locator('.terminal-mirror');
  await expect(terminal).toContainText('Uploaded kernel');
  await expect(terminal).toContainText('qemu-system-x86_64 -drive format=raw,file=bootimage-kernel.bin');
  await expect(machineStatus(page)).toContainText('Halted');
});

test('-serial stdio prints what the guest sends on COM1 in the terminal', async ({ page }) => {
  await page.goto('/');
  await dropFile(page, 'serial.img', assembleBootSector(SERIAL_SOURCE));
  await expect(machineStatus(page)).toContainText('Halted', { timeout: 15_000 });
  // booted without -serial stdio: nothing of COM1 in the terminal
  await expect(page.locator('.terminal-mirror')).not.toContainText('Hello from COM1');
  await typeCommand(page, 'qemu-system-x86_64 -drive format=raw,file=serial.img -serial stdio');
  await expect(page.locator('.terminal-mirror')).toContainText('Hello from COM1', { timeout: 15_000 });
});

test('Power with no disk image starts the PC, and its BIOS finds nothing to boot', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Power' }).click();
  await expect(vgaText(page)).toContainText('No bootable device', { timeout: 15_000 });
  await expect(page.locator('.terminal-mirror')).toContainText('bootlab:/$ qemu-system-x86_64');
  await page.getByRole('button', { name: 'Power' }).click();
  await expect(machineStatus(page)).toHaveText(/Powered off/);
});

test("qemu-system-x86_64 with a missing file prints QEMU's message", async ({ page }) => {
  await page.goto('/');
  await typeCommand(page, 'qemu-system-x86_64 -drive format=raw,file=/nope');
  await expect(page.locator('.terminal-mirror')).toContainText(
    "qemu-system-x86_64: -drive format=raw,file=/nope: Could not open '/nope': No such file or directory",
  );
  await typeCommand(page, 'cargo build');
  // cargo answers now (its outcomes depend on the step's files; src/toolchain/cargo tests them)
  await expect(page.locator('.terminal-mirror')).toContainText(/Compiling blog_os|error: /);
  await expect(page.locator('.terminal-mirror')).not.toContainText('not available yet');
  // Tab completes a path; ↑ brings the last line back
  await page.keyboard.type('cat Car');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('.terminal-mirror')).toContainText('bootlab:/$ cat Cargo.toml');
  await expect(page.locator('.terminal-mirror')).toContainText('[package]');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.locator('.terminal-mirror .t-line.input').filter({ hasText: /^bootlab:\/\$ cargo build\s*$/ })).toHaveCount(2);
  await expect(machineStatus(page)).toHaveText(/Powered off/);
});

test('keys typed on the focused screen reach a guest that reads int 16h', async ({ page }) => {
  await page.goto('/');
  await uploadImage(page, 'echo.img', ECHO_SOURCE);
  await expect(vgaText(page)).toContainText('Type:', { timeout: 15_000 });
  await page.getByRole('img', { name: 'VGA screen' }).click();
  await page.keyboard.type('Hello, PC!');
  await expect(vgaText(page)).toContainText('Type: Hello, PC!');
  await expect(machineStatus(page)).toContainText('Waiting');
  // an on-screen keyboard (a phone's) types text into the field over the screen, with no key events
  await page.getByLabel('Keyboard of the PC').focus();
  await page.keyboard.insertText(' ok');
  await expect(vgaText(page)).toContainText('Type: Hello, PC! ok');
});

test.describe('on a phone', () => {
  test.use({ hasTouch: true, viewport: { width: 390, height: 844 } });
  test('a tap on the screen opens the keyboard field over it', async ({ page }) => {
    await page.goto('/');
    await uploadImage(page, 'echo.img', ECHO_SOURCE);
    await expect(vgaText(page)).toContainText('Type:', { timeout: 15_000 });
    await page.getByRole('img', { name: 'VGA screen' }).tap();
    await expect(page.getByLabel('Keyboard of the PC')).toBeFocused();
    await page.keyboard.insertText('hi');
    await expect(vgaText(page)).toContainText('Type: hi');
  });
});

test('a guest in a tight loop leaves the page responsive', async ({ page }) => {
  await page.goto('/');
  await uploadImage(page, 'spin.img', SPIN_SOURCE);
  await expect(machineStatus(page)).toContainText('MIPS', { timeout: 15_000 });
  await expect(vgaText(page)).toHaveText(/^Sootlab BIOS/); // its 'S' written over the BIOS banner
  // Long tasks on the main thread while the guest spins, and how fast a click answers.
  await page.evaluate(() => {
    (window as unknown as { longest: number }).longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const w = window as unknown as { longest: number };
        w.longest = Math.max(w.longest, e.duration);
      }
    }).observe({ type: 'longtask', buffered: false });
  });
  const first = (await page.locator('html').getAttribute('data-theme')) === 'dark' ? 'light' : 'dark';
  for (const theme of [first, first === 'dark' ? 'light' : 'dark']) {
    const started = Date.now();
    await page.getByRole('button', { name: `Switch to ${theme} theme` }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    expect(Date.now() - started).toBeLessThan(2000);
  }
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(machineStatus(page)).toContainText('Paused');
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(machineStatus(page)).toContainText('Running');
  const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  console.log(`longest main-thread task while the guest spun: ${longest.toFixed(0)} ms`);
});

for (const theme of ['dark', 'light'] as const) {
  for (const [w, h] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    test(`screenshot of the booted PC: ${theme} theme at ${w}×${h}`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.addInitScript((t) => localStorage.setItem('bootlab:theme', t), theme);
      await page.goto('/');
      await uploadImage(page, 'hello.img', HELLO_SOURCE);
      await expect(vgaText(page)).toContainText('Hello, VGA memory', { timeout: 15_000 });
      await typeCommand(page, 'ls -a');
      await expect(page.locator('.terminal-mirror')).toContainText('.cargo');
      await page.getByRole('img', { name: 'VGA screen' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/screenshots/machine-${theme}-${w}x${h}.png` });
      // the screen takes the whole width or height of its frame (below 1× there is no whole scale to keep)
      const screen = page.getByRole('img', { name: 'VGA screen' });
      const room = await screen.evaluate((c) => {
        const f = c.parentElement!;
        const st = getComputedStyle(f);
        return { w: f.clientWidth - parseFloat(st.paddingLeft) - parseFloat(st.paddingRight), h: f.clientHeight - parseFloat(st.paddingTop) - parseFloat(st.paddingBottom) };
      });
      const size = (await screen.boundingBox())!;
      expect(Math.abs(size.width * 400 - size.height * 720)).toBeLessThan(720 * 2);
      expect(size.width >= room.w - 1 || size.height >= room.h - 1).toBe(true);
      if (w >= 800) {
        // Enlarge covers the page: at 1280×800 that is room for 1×, drawn crisp
        await page.getByRole('button', { name: 'Enlarge' }).click();
        await expect(screen).toHaveCSS('width', '720px');
        await expect(screen).toHaveCSS('height', '400px');
        await expect(screen).toHaveClass(/crisp/);
        await page.screenshot({ path: `test-results/screenshots/machine-${theme}-${w}x${h}-enlarged.png` });
        await page.keyboard.press('Escape');
        await expect(page.getByRole('button', { name: 'Enlarge' })).toHaveAttribute('aria-pressed', 'false');
        expect((await screen.boundingBox())!.width).toBeCloseTo(size.width, 0);
      }
      if (w < 800) {
        // on a phone the screen can be shown at its real size, scrolled sideways
        await page.getByRole('button', { name: '1:1' }).click();
        await expect(page.getByRole('img', { name: 'VGA screen' })).toHaveCSS('width', '720px');
        await page.screenshot({ path: `test-results/screenshots/machine-${theme}-${w}x${h}-actual-size.png` });
      }
    });
  }
}
