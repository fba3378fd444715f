// Runs a disk image in the real qemu-system-x86_64 (TCG, SeaBIOS) for differential tests, and
// reads back what a person would have seen: COM1 output, the isa-debug-exit status, and the
// 80x25 VGA text screen. QEMU has no headless "dump the text screen" switch, so the screen is
// read through QMP: `pmemsave` of the text buffer at 0xb8000, polled while the guest runs.
// The run ends when the guest exits through port 0xf4, when `untilText` appears on the
// screen, when the guest sits in `hlt` with interrupts disabled (nothing can wake it), or on
// the timeout.
//
// With the isa-debug-exit device QEMU quits the moment the guest writes port 0xf4, so the
// screen of such a run is the last one polled (`screenFresh` is then false). Pass
// `debugExit: false` for a run whose screen is read when the guest halts.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CP437_TO_UNICODE, TEXT_CELLS, TEXT_COLUMNS, TEXT_ROWS } from '../devices/vga.ts';

export interface QemuOptions {
  /** Stop once this text shows on the screen. */
  untilText?: string;
  /** Wall-clock limit (default 20 s). */
  timeoutMs?: number;
  /** Attach isa-debug-exit at 0xf4 (default true). */
  debugExit?: boolean;
  /** Guest RAM in MiB (default 128, Bootlab's default). */
  memoryMiB?: number;
  /** The -cpu model (default `max`: the default qemu64 model lacks POPCNT/LZCNT/BMI1, which Bootlab's CPU reports). */
  cpu?: string;
  /** Poll interval for the screen and the halt check (default 40 ms). */
  pollMs?: number;
  /** The QEMU binary (default $QEMU or qemu-system-x86_64). */
  qemu?: string;
}

export type QemuStop = 'debug-exit' | 'exit' | 'text' | 'halted' | 'timeout';

export interface QemuRun {
  /** Why the run ended. */
  stop: QemuStop;
  /** The process exit status (QEMU's isa-debug-exit gives (v << 1) | 1), or -1 when we ended it. */
  status: number;
  serial: string;
  /** 80x25 text rows joined by newlines, trailing blanks and blank rows removed (as `bootlab run` prints); '' when never read. */
  screen: string;
  /** The 4000 bytes of character/attribute cells last read from 0xb8000 (null when never read). */
  cells: Uint8Array | null;
  /** False when the guest went on after the last screen read (it exited through port 0xf4). */
  screenFresh: boolean;
  stderr: string;
}

/** The screen text for 4000 bytes of cells, the way the machine's VGA text mirror renders it. */
export function cellsToText(cells: Uint8Array): string {
  const rows: string[] = [];
  for (let r = 0; r < TEXT_ROWS; r++) {
    let line = '';
    for (let c = 0; c < TEXT_COLUMNS; c++) line += CP437_TO_UNICODE[cells[(r * TEXT_COLUMNS + c) * 2]!]!;
    rows.push(line.replace(/[ \u00a0]+$/u, ''));
  }
  return rows.join('\n').replace(/\n+$/u, '');
}

/** A minimal QMP client: one command at a time, replies matched in order (events are skipped). */
class Qmp {
  private buffer = '';
  private waiting: ((reply: Record<string, unknown>) => void)[] = [];
  private closed = false;
  constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let nl: number;
      while ((nl = this.buffer.indexOf('\n')) >= 0) {
        const line = this.buffer.slice(0, nl).trim();
        this.buffer = this.buffer.slice(nl + 1);
        if (line === '') continue;
        let msg: Record<string, unknown>;
        try { msg = JSON.parse(line) as Record<string, unknown>; } catch { continue; }
        if ('event' in msg || 'QMP' in msg) continue;
        this.waiting.shift()?.(msg);
      }
    });
    const fail = () => {
      this.closed = true;
      for (const w of this.waiting.splice(0)) w({ error: { desc: 'QMP connection closed' } });
    };
    socket.on('close', fail);
    socket.on('error', fail);
  }
  command(execute: string, args?: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (this.closed) return Promise.resolve({ error: { desc: 'QMP connection closed' } });
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.socket.write(JSON.stringify(args ? { execute, arguments: args } : { execute }) + '\n');
    });
  }
  close(): void { this.socket.destroy(); }
}

async function connectQmp(path: string, deadline: number): Promise<Qmp | null> {
  while (Date.now() < deadline) {
    if (existsSync(path)) {
      const socket = await new Promise<Socket | null>((resolve) => {
        const s = createConnection(path);
        s.once('connect', () => resolve(s));
        s.once('error', () => resolve(null));
      });
      if (socket) {
        const qmp = new Qmp(socket);
        const caps = await qmp.command('qmp_capabilities');
        if (!('error' in caps)) return qmp;
        qmp.close();
      }
    }
    await sleep(10);
  }
  return null;
}

function sleep(ms: number): Promise<void> { return new Promise((r) => setTimeout(r, ms)); }

/** Whether `info registers` says the CPU is halted with IF clear (so nothing can wake it). */
function haltedForGood(info: string): boolean {
  const efl = /\b[ER]FL=([0-9a-f]+)/i.exec(info); // EFL= in legacy modes, RFL= in long mode
  return /\bHLT=1\b/.test(info) && efl !== null && (parseInt(efl[1]!, 16) & 0x200) === 0;
}

export async function runQemu(imagePath: string, options: QemuOptions = {}): Promise<QemuRun> {
  const dir = mkdtempSync(join(tmpdir(), 'bootlab-qemu-'));
  const serialPath = join(dir, 'serial.txt');
  const screenPath = join(dir, 'screen.bin');
  const qmpPath = join(dir, 'qmp.sock');
  const timeoutMs = options.timeoutMs ?? 20_000;
  const args = ['-cpu', options.cpu ?? 'max', '-display', 'none', '-no-reboot', '-monitor', 'none',
    '-m', String(options.memoryMiB ?? 128), '-drive', `format=raw,file=${imagePath}`,
    '-serial', `file:${serialPath}`, '-qmp', `unix:${qmpPath},server=on,wait=off`];
  if (options.debugExit ?? true) args.push('-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04');

  const child = spawn(options.qemu ?? process.env.QEMU ?? 'qemu-system-x86_64', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s: string) => { stderr += s; });
  let exitStatus: number | null = null;
  const exited = new Promise<void>((resolve) => {
    child.on('exit', (code, signal) => { exitStatus = code ?? (signal ? -1 : 0); resolve(); });
    child.on('error', (e) => { stderr += String(e); exitStatus = -1; resolve(); });
  });

  const deadline = Date.now() + timeoutMs;
  let stop: QemuStop = 'timeout';
  let cells: Uint8Array | null = null;
  let screenFresh = false;
  const qmp = await Promise.race([connectQmp(qmpPath, deadline), exited.then(() => null)]);
  try {
    while (qmp !== null && exitStatus === null && Date.now() < deadline) {
      // Halt check first, then the screen: a guest found halted with IF = 0 cannot change
      // the screen afterwards, so the screen read after it is the final one.
      const info = await qmp.command('human-monitor-command', { 'command-line': 'info registers' });
      const halted = typeof info.return === 'string' && haltedForGood(info.return);
      const saved = await qmp.command('pmemsave', { val: 0xb8000, size: TEXT_CELLS * 2, filename: screenPath });
      if (exitStatus !== null) break;
      if ('return' in saved && existsSync(screenPath)) {
        cells = new Uint8Array(readFileSync(screenPath));
        screenFresh = true;
      }
      if (halted) { stop = 'halted'; break; }
      if (options.untilText !== undefined && cells !== null && cellsToText(cells).includes(options.untilText)) { stop = 'text'; break; }
      await sleep(options.pollMs ?? 40);
    }
  } finally {
    qmp?.close();
  }
  if (exitStatus === null) {
    child.kill('SIGKILL');
    await exited;
    exitStatus = -1;
  } else {
    stop = exitStatus !== 0 && (options.debugExit ?? true) && (exitStatus & 1) === 1 ? 'debug-exit' : 'exit';
    screenFresh = false;
  }
  await exited;
  const serial = existsSync(serialPath) ? readFileSync(serialPath, 'latin1') : '';
  rmSync(dir, { recursive: true, force: true });
  return { stop, status: exitStatus ?? -1, serial, screen: cells ? cellsToText(cells) : '', cells, screenFresh, stderr };
}
