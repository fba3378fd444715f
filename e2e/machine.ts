// Helpers for the e2e specs of the PC: boot sectors assembled by our assembler, uploading them,
// typing into the xterm terminal.
import { expect, type Page } from '@playwright/test';
import { assembleBootSector } from '../src/app/testing/boot-sectors.ts';

import { assemble64, KERNEL64_SOURCE } from '../src/app/testing/boot-sectors.ts';
import { makeElf64, PF_R, PF_X } from '../src/boot/test-elf.ts';

export { ECHO_SOURCE, HELLO_SOURCE, SERIAL_SOURCE, SPIN_SOURCE } from '../src/app/testing/boot-sectors.ts';

/** An ELF64 kernel (one RX segment at 0x200000) that prints a line on the VGA screen. */
export function helloKernelElf(): Uint8Array {
  return makeElf64({ entry: 0x200000n, segments: [{ vaddr: 0x200000n, flags: PF_R | PF_X, data: assemble64(KERNEL64_SOURCE) }] });
}

/** Uploads a disk image with the "Upload image" button (the page boots it). */
export async function uploadImage(page: Page, name: string, source: string): Promise<void> {
  const bytes = Buffer.from(assembleBootSector(source, name));
  await page.getByLabel('Disk image to upload').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
}

/** Drops a file on the screen as a drag and drop from the desktop would. */
export async function dropFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.getByRole('region', { name: 'Screen' }).evaluate(
    (el, { name, data }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], name));
      el.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, data: [...bytes] },
  );
}

/** Waits for xterm (loaded after the first paint, in its own frame inside the terminal). */
export async function terminalReady(page: Page): Promise<void> {
  const input = page.frameLocator('[data-testid="terminal"] iframe').locator('.xterm-helper-textarea');
  await expect(input).toBeAttached({ timeout: 10_000 });
}

/** Types a command line into the terminal and presses Enter. */
export async function typeCommand(page: Page, line: string): Promise<void> {
  await terminalReady(page);
  await page.getByTestId('terminal').click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

export const vgaText = (page: Page) => page.getByTestId('vga-text');
export const machineStatus = (page: Page) => page.getByRole('region', { name: 'Screen' }).getByRole('status');
