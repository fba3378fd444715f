// The post's whole path in the page: the learner's main.rs compiled by Bootlab's rustc (with our
// core and compiler_builtins through build-std), linked, wrapped by bootimage, and booted by
// `cargo run` on the VGA screen — nothing prepared in advance.
import { expect, test } from './browser.ts';
import { openFile, openIde, problems, replaceText } from './ide.ts';
import { typeCommand, vgaText } from './machine.ts';

test('Run: cargo run compiles the kernel, prints the QEMU command line and the screen shows what main.rs wrote', async ({ page }) => {
  test.setTimeout(120_000);
  await openIde(page);
  await typeCommand(page, 'rustup component add rust-src llvm-tools-preview');
  const terminal = page.getByTestId('terminal');
  await expect(terminal).toContainText("info: installing component 'llvm-tools'");
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(terminal).toContainText('Compiling core v0.0.0 (', { timeout: 60_000 });
  await expect(terminal).toContainText('Compiling blog_os v0.1.0 (/)', { timeout: 60_000 });
  await expect(terminal).toContainText('Running `bootimage runner target/x86_64-blog_os/debug/blog_os`', { timeout: 60_000 });
  await expect(terminal).toContainText('Running: `qemu-system-x86_64 -drive format=raw,file=target/x86_64-blog_os/debug/bootimage-blog_os.bin`');
  await expect(vgaText(page)).toContainText('Hello World!', { timeout: 30_000 });
  await expect(problems(page)).toContainText('0 errors');

  // a message of the learner's own: the screen can only show it if this main.rs was compiled
  await openFile(page, 'src/main.rs');
  await replaceText(page, MAIN_WITH('Bootlab compiled this'));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(vgaText(page)).toContainText('Bootlab compiled this', { timeout: 60_000 });
});

const MAIN_WITH = (text: string) => `#![no_std]
#![no_main]

use core::panic::PanicInfo;

static HELLO: &[u8] = b"${text}";

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let vga_buffer = 0xb8000 as *mut u8;

    for (i, &byte) in HELLO.iter().enumerate() {
        unsafe {
            *vga_buffer.offset(i as isize * 2) = byte;
            *vga_buffer.offset(i as isize * 2 + 1) = 0xb;
        }
    }

    loop {}
}

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}
`;

test('step 2, the post’s files as written under the post-era nightly: the post’s compiler lines, then Hello World!', async ({ page }) => {
  test.setTimeout(120_000);
  await openIde(page);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByRole('tab', { selected: true })).toHaveText('x86_64-blog_os.json');
  await typeCommand(page, 'rustup component add rust-src llvm-tools-preview');
  const terminal = page.getByTestId('terminal');
  await expect(terminal).toContainText("info: installing component 'llvm-tools'");
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  // the post's order, with the post-era nightly's compiler_builtins
  await expect(terminal).toContainText('Compiling rustc-std-workspace-core v1.99.0 (', { timeout: 60_000 });
  await expect(terminal).toContainText('Compiling compiler_builtins v0.1.105', { timeout: 60_000 });
  await expect(terminal).toContainText('Finished `dev` profile [unoptimized + debuginfo] target(s) in', { timeout: 60_000 });
  await expect(vgaText(page)).toContainText('Hello World!', { timeout: 30_000 });
});
