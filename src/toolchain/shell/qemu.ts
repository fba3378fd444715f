// `qemu-system-x86_64`: boots a raw disk image from the project on Bootlab's PC. The options
// learners meet (`-drive format=raw,file=PATH`, `-hda PATH`, a bare image path) are read the
// way QEMU reads them, and mistakes get QEMU's own messages (QEMU 7.2's wording):
//   qemu-system-x86_64: -drive format=raw,file=/nope: Could not open '/nope': No such file or directory
// `-serial stdio` (and `-nographic`) print what the guest sends on COM1 in the terminal. Options
// that only matter to a real QEMU's window or host (-display, -m, -device …) are accepted and
// change nothing; the PC always has its VGA screen and the isa-debug-exit port (0xf4).
import type { Command, ShellContext } from './types.ts';
import { resolvePath } from './paths.ts';

const NAME = 'qemu-system-x86_64';

/** Options that take a value and that Bootlab's PC can ignore. */
const IGNORED_WITH_VALUE = new Set(['-display', '-device', '-m', '-monitor', '-accel', '-cpu', '-smp', '-machine', '-M', '-name', '-boot', '-vga', '-d', '-D', '-rtc']);
const IGNORED_FLAGS = new Set(['-no-reboot', '-no-shutdown', '-nographic', '-enable-kvm', '-s', '-snapshot', '-nodefaults']);
/** Drive properties QEMU accepts that do not change what a raw image boots. */
const DRIVE_KEYS = new Set(['file', 'format', 'if', 'index', 'media', 'snapshot', 'cache', 'readonly', 'id', 'aio', 'discard']);
const OTHER_FORMATS = new Set(['qcow2', 'qcow', 'vmdk', 'vdi', 'vpc', 'vhdx', 'qed', 'luks', 'dmg', 'bochs', 'cloop', 'parallels', 'vvfat']);

interface Drive {
  /** The option as typed, for messages: `-drive format=raw,file=x`, `-hda x`, `x`. */
  spec: string;
  file: string;
  formatGiven: boolean;
}

class QemuError extends Error {}

function parseDrive(value: string): Drive {
  const spec = `-drive ${value}`;
  const props = new Map<string, string>();
  // QEMU's option syntax: key=value pairs separated by commas, a doubled comma is a literal one.
  for (const part of value.replace(/,,/g, '\0').split(',')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? 'file' : part.slice(0, eq);
    props.set(key, (eq < 0 ? part : part.slice(eq + 1)).replace(/\0/g, ','));
  }
  const format = props.get('format');
  if (format !== undefined && format !== 'raw') {
    if (OTHER_FORMATS.has(format)) throw new QemuError(`${spec}: Bootlab's PC reads raw disk images only (format=raw), not ${format}`);
    throw new QemuError(`${spec}: Unknown driver '${format}'`);
  }
  for (const key of props.keys()) {
    if (!DRIVE_KEYS.has(key)) throw new QemuError(`${spec}: Block format 'raw' does not support the option '${key}'`);
  }
  const file = props.get('file');
  if (file === undefined || file === '') throw new QemuError(`${spec}: A block device must be specified for "file"`);
  return { spec, file, formatGiven: format !== undefined };
}

function parseArgs(args: string[]): { drive: Drive | null; serial: boolean } {
  let drive: Drive | null = null;
  let serial = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    // QEMU takes --opt as -opt.
    const opt = a.startsWith('--') ? a.slice(1) : a;
    const value = () => {
      if (i + 1 >= args.length) throw new QemuError(`${a}: requires an argument`);
      return args[++i]!;
    };
    if (!opt.startsWith('-')) {
      drive ??= { spec: a, file: a, formatGiven: false };
    } else if (opt === '-drive') {
      drive ??= parseDrive(value());
    } else if (opt === '-hda') {
      const v = value();
      drive ??= { spec: `${a} ${v}`, file: v, formatGiven: false };
    } else if (opt === '-serial') {
      serial = value() === 'stdio';
    } else if (opt === '-nographic') {
      serial = true;
    } else if (IGNORED_WITH_VALUE.has(opt)) {
      value();
    } else if (!IGNORED_FLAGS.has(opt)) {
      throw new QemuError(`${a}: invalid option`);
    }
  }
  return { drive, serial };
}

function loadImage(drive: Drive, ctx: ShellContext): Uint8Array {
  let path: string;
  try {
    path = resolvePath(ctx.cwd, drive.file);
  } catch {
    throw new QemuError(`${drive.spec}: Could not open '${drive.file}': No such file or directory`);
  }
  if (ctx.vfs.isDir(path)) throw new QemuError(`${drive.spec}: 'file' driver requires '${drive.file}' to be a regular file`);
  if (!ctx.vfs.isFile(path)) throw new QemuError(`${drive.spec}: Could not open '${drive.file}': No such file or directory`);
  const data = ctx.vfs.read(path);
  return typeof data === 'string' ? new TextEncoder().encode(data) : data;
}

export const qemu: Command = async (argv, ctx) => {
  try {
    const { drive, serial } = parseArgs(argv.slice(1));
    const image = drive ? loadImage(drive, ctx) : null;
    if (drive && !drive.formatGiven) {
      ctx.terminal.print(
        `WARNING: Image format was not specified for '${drive.file}' and probing guessed raw.\n` +
          '         Automatically detecting the format is dangerous for raw images, write operations on block 0 will be restricted.\n' +
          "         Specify the 'raw' format explicitly to remove the restrictions.",
        'error',
      );
    }
    if (!ctx.machine) {
      ctx.terminal.print(`${NAME}: this shell has no PC to boot on (run it in Bootlab's page)`, 'error');
      return 1;
    }
    const outcome = await ctx.machine.boot(image, drive ? drive.file : 'no disk', { serial });
    if (outcome) return outcome.exitStatus;
    ctx.terminal.print(
      drive
        ? `Booting ${drive.file} on the VGA screen. Click the screen to type to the PC.`
        : 'Booting the PC without a disk (the BIOS will find nothing to boot).',
      'info',
    );
    return 0;
  } catch (e) {
    if (!(e instanceof QemuError)) throw e;
    ctx.terminal.print(`${NAME}: ${e.message}`, 'error');
    return 1;
  }
};
