// The runtime differential suite's shared part: the programs (cases/*.rs with the prelude
// appended), booting a kernel in Bootlab's machine and reading what it left (the whole VGA text
// buffer, COM1's output, the exit code), and the recorded expectations (expected/NAME.json,
// written from the rustc builds by programs.oracle.test.ts with UPDATE_EXPECTED=1).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { buildBootImage } from '../../boot/bootimage.ts';
import { createMachine } from '../../machine/machine.ts';

export type Mode = 'debug' | 'release';
export const MODES: readonly Mode[] = ['debug', 'release'];

export interface Program {
  name: string;
  /** The program file as written (line numbers of diagnostics refer to it). */
  text: string;
  /** What both compilers get: the program, then the prelude (unless the program opts out). */
  source: string;
  modes: readonly Mode[];
  /** Guest time allowed, in instructions; programs without the prelude never exit and use all of it. */
  budget: number;
}

const HERE = new URL('.', import.meta.url);
const CASES = new URL('./cases/', HERE);
const EXPECTED = new URL('./expected/', HERE);

/** Enough for the slowest program in debug, with room; booting takes about a million. */
const DEFAULT_BUDGET = 60_000_000;

export function preludeText(): string {
  return readFileSync(new URL('./prelude.rs', HERE), 'utf8');
}

/**
 * Header lines a program may start with (after its description comments):
 *   // modes: debug            (only these builds; both by default)
 *   // prelude: none           (the post's own main.rs: no prelude, never exits)
 *   // budget: 5000000         (guest instructions)
 */
function header(text: string, key: string): string | undefined {
  const m = new RegExp(`^// ${key}: (.*)$`, 'm').exec(text);
  return m?.[1]?.trim();
}

/** All programs, or those whose names start with one of the comma-separated prefixes in $PROGRAMS. */
export function loadPrograms(): Program[] {
  const prelude = preludeText();
  const only = process.env.PROGRAMS?.split(',').filter(Boolean);
  const files = readdirSync(CASES).filter((f) => f.endsWith('.rs') && (!only || only.some((o) => f.startsWith(o)))).sort();
  return files.map((file) => {
    const text = readFileSync(new URL(file, CASES), 'utf8');
    const withPrelude = header(text, 'prelude') !== 'none';
    const modes = (header(text, 'modes')?.split(/\s+/) ?? MODES) as Mode[];
    const budget = Number(header(text, 'budget') ?? (withPrelude ? DEFAULT_BUDGET : 5_000_000));
    return { name: file.replace(/\.rs$/, ''), text, source: withPrelude ? `${text}\n${prelude}` : text, modes, budget };
  });
}

/** What a run leaves: the comparison is over all of it. */
export interface Outcome {
  /** The value written to port 0xf4, or null when the program never wrote one. */
  exitCode: number | null;
  /** Why the machine stopped: debug-exit, slice (budget used up), hlt, triple-fault. */
  stop: string;
  serial: string;
  /** The 25 rows of character bytes (printable ASCII as is, others as \xNN), trailing blanks trimmed. */
  screen: string[];
  /** The 2000 attribute bytes, run-length coded: `07*1920 4f*6 …`. */
  attributes: string;
}

export type Recorded = Partial<Record<Mode, Outcome>>;

const VGA = 0xb8000;

function rowText(bytes: number[]): string {
  let s = '';
  for (const b of bytes) s += b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : b === 0x5c ? '\\\\' : `\\x${b.toString(16).padStart(2, '0')}`;
  return s.replace(/ +$/, '');
}

function runLengths(bytes: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < bytes.length;) {
    let j = i;
    while (j < bytes.length && bytes[j] === bytes[i]) j++;
    runs.push(`${bytes[i]!.toString(16).padStart(2, '0')}*${j - i}`);
    i = j;
  }
  return runs.join(' ');
}

/** Boots an ELF kernel with our bootloader in our machine until it exits, halts or uses its budget. */
export function bootKernel(elf: Uint8Array, budget: number): Outcome {
  const image = buildBootImage(elf);
  if (!image.ok) throw new Error(`bootimage: ${image.message}`);
  const machine = createMachine({ diskImage: image.image });
  const stop = machine.run({ maxInstructions: budget });
  const exitCode = stop.kind === 'debug-exit' ? stop.code : null;
  const chars: number[] = [];
  const attrs: number[] = [];
  for (let i = 0; i < 2000; i++) {
    chars.push(machine.mem.read8(VGA + i * 2));
    attrs.push(machine.mem.read8(VGA + i * 2 + 1));
  }
  const screen: string[] = [];
  for (let r = 0; r < 25; r++) screen.push(rowText(chars.slice(r * 80, r * 80 + 80)));
  return { exitCode, stop: stop.kind, serial: machine.serialOutput(), screen, attributes: runLengths(attrs) };
}

/** The differences between two outcomes, as lines (empty when they agree). */
export function differences(expected: Outcome, actual: Outcome): string[] {
  const out: string[] = [];
  if (expected.exitCode !== actual.exitCode || expected.stop !== actual.stop) {
    out.push(`exit: expected ${expected.stop}/${expected.exitCode}, got ${actual.stop}/${actual.exitCode}`);
  }
  if (expected.serial !== actual.serial) {
    const e = expected.serial.split('\n');
    const a = actual.serial.split('\n');
    const line = e.findIndex((l, i) => l !== a[i]);
    const at = line < 0 ? e.length : line;
    out.push(`serial line ${at + 1}: expected ${JSON.stringify(e[at] ?? '<end>')}, got ${JSON.stringify(a[at] ?? '<end>')}`);
  }
  const row = expected.screen.findIndex((l, i) => l !== actual.screen[i]);
  if (row >= 0) out.push(`screen row ${row}: expected ${JSON.stringify(expected.screen[row])}, got ${JSON.stringify(actual.screen[row])}`);
  if (expected.attributes !== actual.attributes) out.push(`attributes: expected ${expected.attributes.slice(0, 80)}, got ${actual.attributes.slice(0, 80)}`);
  return out;
}

function expectedFile(name: string): URL {
  return new URL(`${name}.json`, EXPECTED);
}

export function readExpected(name: string): Recorded | undefined {
  const file = expectedFile(name);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Recorded) : undefined;
}

export function writeExpected(name: string, recorded: Recorded): void {
  writeFileSync(expectedFile(name), `${JSON.stringify(recorded, null, 1)}\n`);
}
