// Differential test of the TypeScript BIOS against QEMU + SeaBIOS. A probe boot sector
// (testdata/bios-probe.asm, assembled by NASM) asks what boot loaders ask — disk geometry and
// EDD, memory sizes and the E820 map, A20, video mode/cursor/teletype/scroll, BDA fields, the
// state devices are left in — and prints each answer on COM1 as "name value ...". The same
// image boots in qemu-system-x86_64 and in Bootlab's machine; every line must match except the
// differences listed below, each with its reason.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMachine } from '../machine.ts';
import { keyStrokeScanCodes } from '../devices/scancodes.ts';

const run = promisify(execFile);
const NASM = process.env.NASM ?? 'nasm';
const QEMU = process.env.QEMU ?? 'qemu-system-x86_64';
const MIB = 1024 * 1024;
/** Both machines' real-time clock starts here (QEMU: -rtc base=…,clock=vm). */
const RTC_START = '2026-11-25T14:30:05';

/**
 * Lines whose values legitimately differ. On an AMD host QEMU adds a seventh E820 entry, the
 * HyperTransport hole at 1012 GiB; Bootlab's CPU reports itself as Intel, where QEMU has none.
 */
function compareLine(name: string, ours: string[] | undefined, theirs: string[]): void {
  if (/^int15\.e820\.[6-9]$/.test(name)) return;
  expect(ours, `line ${name} missing from Bootlab's output`).toBeDefined();
  expect(ours, name).toEqual(theirs);
}

function parse(text: string): Map<string, string[]> {
  const lines = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const [name, ...values] = line.trim().split(/\s+/);
    if (name) lines.set(name, values);
  }
  return lines;
}

// The probes include the shared serial macros of ../cpu/testdata/inc/ (`%include "inc/serial.inc"`).
const INC = new URL('../cpu/testdata/', import.meta.url).pathname;
let dir = '';
let probe: Uint8Array;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bootlab-bios-'));
  const out = join(dir, 'probe.bin');
  await run(NASM, ['-f', 'bin', '-i', INC, '-o', out, new URL('./testdata/bios-probe.asm', import.meta.url).pathname]);
  probe = new Uint8Array(readFileSync(out));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function qemuAnswers(imagePath: string): Promise<string> {
  const serial = join(dir, 'serial.txt');
  writeFileSync(serial, '');
  try {
    await run(QEMU, [
      '-drive', `format=raw,file=${imagePath}`, '-serial', `file:${serial}`, '-display', 'none',
      '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04', '-m', '128', '-no-reboot',
      '-rtc', `base=${RTC_START},clock=vm`,
    ], { timeout: 60_000 });
  } catch (e) {
    // The probe ends by writing 0x10 to isa-debug-exit: QEMU exits with (0x10 << 1) | 1.
    if ((e as { code?: unknown }).code !== 33) throw e;
  }
  return readFileSync(serial, 'latin1');
}

function bootlabAnswers(image: Uint8Array): string {
  const machine = createMachine({ diskImage: image, memorySize: 128 * MIB, rtcStartTimeMs: Date.parse(`${RTC_START}Z`) });
  const stop = machine.run({ maxInstructions: 100_000_000 });
  expect(stop).toEqual({ kind: 'debug-exit', code: 0x10 });
  return machine.serialOutput();
}

describe('BIOS answers compared with QEMU + SeaBIOS', () => {
  // Sizes: under one cylinder (QEMU still reports 2), a partial last cylinder, just past 1024
  // cylinders (still 16 heads, the cylinder count is capped), and large enough for the BIOS's
  // LBA-translated geometry (32 heads).
  for (const [label, size] of [['64 KiB', 64 * 1024], ['20 MiB + 12345 bytes', 20 * MIB + 12345], ['510 MiB', 510 * MIB], ['600 MiB', 600 * MIB]] as const) {
    it(`answers the probe like SeaBIOS on a ${label} disk`, async () => {
      const path = join(dir, 'disk.img');
      writeFileSync(path, probe);
      truncateSync(path, size); // sparse: QEMU reads zeros past the probe
      const image = new Uint8Array(size);
      image.set(probe);
      const theirs = parse(await qemuAnswers(path));
      const ours = parse(bootlabAnswers(image));
      expect(theirs.get('end'), 'QEMU ran the whole probe').toBeDefined();
      for (const [name, values] of theirs) compareLine(name, ours.get(name), values);
      for (const name of ours.keys()) expect(theirs.has(name), `extra line ${name}`).toBe(true);
    });
  }
});

/**
 * Keys as QEMU's monitor names them (`sendkey`), with the scan codes Bootlab's keyboard sends
 * for the same stroke (from its DOM-key helper where one exists).
 */
const KEYS: [string, number[]][] = [
  ['a', keyStrokeScanCodes('a')],
  ['shift-a', keyStrokeScanCodes('A')],
  ['ctrl-c', [0x1d, 0x2e, 0xae, 0x9d]],
  ['ret', keyStrokeScanCodes('Enter')],
  ['up', keyStrokeScanCodes('ArrowUp')],
  ['f1', keyStrokeScanCodes('F1')],
  ['esc', keyStrokeScanCodes('Escape')],
  ['backspace', keyStrokeScanCodes('Backspace')],
  ['tab', keyStrokeScanCodes('Tab')],
  ['shift-1', keyStrokeScanCodes('!')],
  ['delete', keyStrokeScanCodes('Delete')],
  ['kp_enter', keyStrokeScanCodes('NumpadEnter')],
  ['alt-x', [0x38, 0x2d, 0xad, 0xb8]],
  ['shift-slash', keyStrokeScanCodes('?')],
  ['z', keyStrokeScanCodes('z')],
];

async function assembleProbe(name: string): Promise<Uint8Array> {
  const out = join(dir, `${name}.bin`);
  await run(NASM, ['-f', 'bin', '-i', INC, '-o', out, new URL(`./testdata/${name}.asm`, import.meta.url).pathname]);
  const image = new Uint8Array(64 * 1024);
  image.set(readFileSync(out));
  return image;
}

async function qemuTyped(image: Uint8Array): Promise<string> {
  const path = join(dir, 'keyboard.img');
  const serial = join(dir, 'keyboard.txt');
  writeFileSync(path, image);
  writeFileSync(serial, '');
  const qemu = spawn(QEMU, [
    '-drive', `format=raw,file=${path}`, '-serial', `file:${serial}`, '-display', 'none',
    '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04', '-monitor', 'stdio', '-no-reboot',
  ], { stdio: ['pipe', 'ignore', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => qemu.on('exit', resolve));
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  try {
    for (let i = 0; i < 200 && !readFileSync(serial, 'latin1').includes('ready'); i++) await sleep(50);
    for (const [name] of KEYS) {
      qemu.stdin.write(`sendkey ${name}\n`);
      await sleep(150); // longer than sendkey's 100 ms hold, so strokes do not overlap
    }
    const code = await Promise.race([exited, sleep(20_000).then(() => 'timeout')]);
    expect(code).toBe(33);
  } finally {
    qemu.kill();
  }
  return readFileSync(serial, 'latin1');
}

function bootlabTyped(image: Uint8Array): string {
  const machine = createMachine({ diskImage: image });
  for (let i = 0; i < 100 && !machine.serialOutput().includes('ready'); i++) machine.run({ maxInstructions: 10_000 });
  for (const [, bytes] of KEYS) machine.devices.keyboard.sendScanCodes(bytes);
  expect(machine.run({ maxInstructions: 10_000_000 })).toEqual({ kind: 'debug-exit', code: 0x10 });
  return machine.serialOutput();
}

describe('BIOS keyboard compared with QEMU + SeaBIOS', () => {
  it('turns the same key strokes into the same int 16h words and shift state', async () => {
    const image = await assembleProbe('keyboard-probe');
    const theirs = await qemuTyped(image);
    expect(theirs).toMatch(/^ready\n/);
    expect(bootlabTyped(image)).toBe(theirs);
  });
});
