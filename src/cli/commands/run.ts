// bootlab run IMG [--until-text T] [--timeout-ms N] [--serial]
// Boots a disk image headless and prints the final 80x25 text screen (trailing blanks
// trimmed) and, with --serial, what the guest sent on COM1. Exit status as design.md says:
// 0 when T appeared on the screen or the serial output; 124 on timeout; (v << 1) | 1 when the
// guest wrote v to port 0xf4 (QEMU's isa-debug-exit); 2 on a triple fault (with a register
// dump); 1 when the image cannot be read or the machine halts for good before T appeared.
import { readFileSync } from 'node:fs';
import { createMachine } from '../../machine/machine.ts';
import { parseCommandLine } from '../args.ts';
import { UsageError, type CliIO } from '../io.ts';

export function run(args: string[], io: CliIO): number {
  const { values, positionals } = parseCommandLine(args, {
    'until-text': { type: 'string' },
    'timeout-ms': { type: 'string' },
    serial: { type: 'boolean' },
    'memory-mib': { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'no disk image' : `one disk image, not ${positionals.length}`);
  const timeoutMs = values['timeout-ms'] === undefined ? 10_000 : Number(values['timeout-ms']);
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0) throw new UsageError(`--timeout-ms must be a number of milliseconds, not '${values['timeout-ms']}'`);
  const memMiB = values['memory-mib'] === undefined ? 128 : Number(values['memory-mib']);
  if (!Number.isInteger(memMiB) || memMiB < 1) throw new UsageError(`--memory-mib must be a whole number, not '${values['memory-mib']}'`);
  const until = values['until-text'];

  let image: Uint8Array;
  try {
    image = new Uint8Array(readFileSync(positionals[0]!));
  } catch (e) {
    io.err(`${positionals[0]}: error: unable to open disk image (${(e as NodeJS.ErrnoException).code ?? String(e)})\n`);
    return 1;
  }
  const machine = createMachine({ diskImage: image, memorySize: memMiB * 1024 * 1024 });
  const deadline = performance.now() + timeoutMs;
  const seen = () => until !== undefined && (machine.screenText().includes(until) || machine.serialOutput().includes(until));

  let status: number;
  let note = '';
  for (;;) {
    const left = deadline - performance.now();
    if (left <= 0) { status = seen() ? 0 : 124; break; }
    const stop = machine.run({ maxMs: Math.min(left, 50) });
    if (seen()) { status = 0; break; }
    if (stop.kind === 'slice') continue;
    if (stop.kind === 'debug-exit') { status = ((stop.code << 1) | 1) >>> 0; break; }
    if (stop.kind === 'triple-fault') { status = 2; note = stop.message; break; }
    if (stop.kind === 'reset') { status = 1; note = 'the guest reset the machine'; break; }
    // hlt with interrupts off: nothing more will happen.
    status = until === undefined ? 0 : 1;
    if (until !== undefined) note = `the machine halted before '${until}' appeared`;
    break;
  }
  const screen = machine.screenText();
  if (screen) io.out(screen + '\n');
  if (values.serial) {
    const serial = machine.serialOutput();
    if (serial) io.out(serial.endsWith('\n') ? serial : serial + '\n');
  }
  if (status === 124) io.err(`bootlab run: timeout after ${timeoutMs} ms${until !== undefined ? ` without '${until}'` : ''}\n`);
  if (note) io.err(`bootlab run: ${note}\n`);
  return status & 0xff;
}
