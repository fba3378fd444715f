// rustc's diagnostics from Build become Monaco markers on src/main.rs (through rustc's JSON
// shape, cargo's diagnostics feed), and go away once the learner fixes the file.
import { expect, test } from './browser.ts';
import { openFile, openIde, problems, replaceText } from './ide.ts';
import { terminalReady, typeCommand } from './machine.ts';

const KERNEL = (body: string) => `#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
${body}
    loop {}
}
`;

test('a type error from Build is a marker on src/main.rs, gone once fixed', async ({ page }) => {
  await openIde(page);
  await terminalReady(page);
  // without .cargo/config.toml cargo builds for the host, where rustc reads src/main.rs against our core
  await typeCommand(page, 'rm .cargo/config.toml');
  await openFile(page, 'src/main.rs');
  await replaceText(page, KERNEL('    let colour: u8 = "cyan";'));
  await page.getByRole('button', { name: 'Build', exact: true }).click();
  const terminal = page.getByTestId('terminal');
  await expect(terminal).toContainText('error[E0308]: mismatched types');
  await expect(terminal).toContainText('--> src/main.rs:13:22');
  // the marker: in the Problems panel with rustc's code, and drawn as a squiggle in the editor
  await expect(problems(page)).toContainText('mismatched types [E0308]');
  await expect(problems(page)).toContainText('src/main.rs:13:22');
  await expect(page.locator('.monaco-editor .squiggly-error')).not.toHaveCount(0);
  // fixed: the marker goes, and a new Build finds no error in the file
  await replaceText(page, KERNEL('    let colour: u8 = 0xb;'));
  await expect(problems(page)).not.toContainText('mismatched types');
  await page.getByRole('button', { name: 'Build', exact: true }).click();
  // the second build got through rustc (for the host target Bootlab then declines to link)
  await expect(terminal).toContainText('Bootlab links kernels for bare-metal targets only');
  await expect(page.locator('.monaco-editor .squiggly-error')).toHaveCount(0);
  await expect(problems(page)).not.toContainText('E0308');
});
