import { describe, expect, it } from 'vitest';
import { assembleBootSector, ECHO_SOURCE, HELLO_SOURCE, SERIAL_SOURCE, SPIN_SOURCE } from '../testing/boot-sectors.ts';

const sector = (body: string) => assembleBootSector(`bits 16\norg 0x7c00\n${body}\ntimes 510-($-$$) db 0\ndw 0xaa55\n`);
import { screenTextFromCells } from '../vga/text.ts';
import type { TextFrame } from '../vga/frame.ts';
import { MachineRunner, type MachineStatus } from './machine-runner.ts';

function setup() {
  const frames: TextFrame[] = [];
  const statuses: MachineStatus[] = [];
  let clock = 0;
  const runner = new MachineRunner(
    { frame: (f) => frames.push(f), status: (s) => statuses.push(s) },
    // A host clock that moves 5 ms per reading, so slices end and budgets grow without waiting.
    { sliceMs: 8, now: () => (clock += 5) },
  );
  const lastCells = () => [...frames].reverse().find((f) => f.cells)?.cells ?? null;
  const runUntilStopped = (max = 1000) => {
    for (let i = 0; i < max && runner.runSlice() !== null; i++);
  };
  return { runner, frames, statuses, lastCells, runUntilStopped };
}

describe('MachineRunner', () => {
  it('boots an image, posts its screen and reports the halt', () => {
    const { runner, statuses, lastCells, runUntilStopped } = setup();
    runner.boot(assembleBootSector(HELLO_SOURCE), 'hello.img');
    runUntilStopped();
    expect(runner.state).toBe('halted');
    expect(statuses[0]).toMatchObject({ state: 'running', image: 'hello.img' });
    expect(statuses.at(-1)).toMatchObject({ state: 'halted', image: 'hello.img' });
    const text = screenTextFromCells(lastCells()!);
    expect(text).toContain('Hello from int 10h');
    expect(text.split('\n')[2]).toBe('Hello, VGA memory');
    expect(lastCells()![2 * 80] >> 8).toBe(0x1f);
  });

  it('posts cells only when they changed, and the blink phase on its own', () => {
    const { runner, frames, runUntilStopped } = setup();
    runner.boot(assembleBootSector(HELLO_SOURCE), 'hello.img');
    runUntilStopped();
    const count = frames.length;
    runner.blink();
    expect(frames.length).toBe(count + 1);
    expect(frames.at(-1)).toMatchObject({ cells: null, blinkOn: false });
    runner.repaint();
    expect(frames.at(-1)!.cells).not.toBeNull();
  });

  it('sends keys to the guest as scan codes (int 16h reads them)', () => {
    const { runner, lastCells } = setup();
    runner.boot(assembleBootSector(ECHO_SOURCE), 'echo.img');
    for (let i = 0; i < 20; i++) runner.runSlice();
    expect(runner.state).toBe('waiting');
    for (const [code, key] of [['KeyH', 'h'], ['KeyI', 'i'], ['Digit1', '1']] as const) {
      expect(runner.key(code, key, false)).toBe(true);
      runner.key(code, key, true);
      for (let i = 0; i < 5; i++) runner.runSlice();
    }
    runner.key('ShiftLeft', 'Shift', false);
    runner.key('Minus', '_', false);
    runner.key('Minus', '_', true);
    runner.key('ShiftLeft', 'Shift', true);
    for (let i = 0; i < 5; i++) runner.runSlice();
    runner.repaint();
    expect(screenTextFromCells(lastCells()!).split('\n').at(-1)).toBe('Type: hi1_');
  });

  it('keeps a looping guest in slices, reports its speed, pauses, resumes and resets', () => {
    const { runner, statuses } = setup();
    runner.boot(assembleBootSector(SPIN_SOURCE), 'spin.img');
    for (let i = 0; i < 40; i++) expect(runner.runSlice()).toBe(0);
    expect(runner.state).toBe('running');
    expect(statuses.some((s) => s.mips > 0)).toBe(true);
    runner.pause();
    expect(runner.runSlice()).toBeNull();
    runner.resume();
    expect(runner.runSlice()).toBe(0);
    runner.reset();
    expect(statuses.at(-1)).toMatchObject({ state: 'running', image: 'spin.img' });
  });

  it('boots without a disk: the BIOS says there is nothing to boot', () => {
    const { runner, lastCells, runUntilStopped } = setup();
    runner.boot(null, 'no disk');
    runUntilStopped(300);
    runner.repaint();
    expect(screenTextFromCells(lastCells()!).length).toBeGreaterThan(0);
  });

  it('reports a triple fault with its message, and the debug-exit code', () => {
    const fault = setup();
    // An empty IDT: the breakpoint cannot be delivered, nor the faults that follow.
    fault.runner.boot(sector('lidt [idt]\nint3\nidt: dw 0\ndd 0'), 'fault.img');
    fault.runUntilStopped();
    expect(fault.runner.state).toBe('triple-fault');
    expect(fault.statuses.at(-1)!.message).toBeTruthy();

    const exit = setup();
    exit.runner.boot(sector('mov al, 0x10\nout 0xf4, al\njmp $'), 'exit.img');
    exit.runUntilStopped();
    expect(exit.statuses.at(-1)).toMatchObject({ state: 'debug-exit', exitCode: 0x10 });
  });

  it("hands the guest's COM1 bytes to the serial listener", () => {
    const received: number[] = [];
    let clock = 0;
    const runner = new MachineRunner(
      { frame: () => {}, status: () => {}, serial: (b) => received.push(...b) },
      { now: () => (clock += 5) },
    );
    runner.boot(assembleBootSector(SERIAL_SOURCE), 'serial.img');
    for (let i = 0; i < 100 && runner.runSlice() !== null; i++);
    expect(String.fromCharCode(...received)).toBe('Hello from COM1\r\n');
  });
});
