// bootimage's steps once a kernel exists (the compiler cannot make one yet, so these tests use a
// small hand-made ELF kernel): the bootloader dependency and llvm-tools checks in bootimage's
// order and words, the image it writes, and `cargo run`'s runner booting that image.
import { describe, expect, it } from 'vitest';
import { makeElf64, PF_R, PF_X } from '../../boot/test-elf.ts';
import { bootInMachine } from '../../boot/test-boot.ts';
import { Vfs } from '../vfs.ts';
import { freshState } from '../rustup/state.ts';
import { parseToolchain } from '../rustup/toolchain.ts';
import type { ShellContext } from '../shell/types.ts';
import { createBootimage } from './bootimage.ts';
import { CargoExit, type BuildOutcome } from './build.ts';
import { runBuilt } from './cargo.ts';
import { CARGO_TOML, CARGO_TOML_WITH_BOOTLOADER } from './testdata/post-project.ts';

// mov byte [0xb8000], 'O'; mov byte [0xb8001], 0x0b; mov byte [0xb8002], 'K'; mov byte [0xb8003], 0x0b; cli; hlt; jmp $-1
const CODE = new Uint8Array([
  0xc6, 0x04, 0x25, 0x00, 0x80, 0x0b, 0x00, 0x4f, 0xc6, 0x04, 0x25, 0x01, 0x80, 0x0b, 0x00, 0x0b,
  0xc6, 0x04, 0x25, 0x02, 0x80, 0x0b, 0x00, 0x4b, 0xc6, 0x04, 0x25, 0x03, 0x80, 0x0b, 0x00, 0x0b,
  0xfa, 0xf4, 0xeb, 0xfd,
]);
const KERNEL = makeElf64({ entry: 0x200000n, segments: [{ vaddr: 0x200000n, flags: PF_R | PF_X, data: CODE }] });

function setup(cargoToml: string, components: string[] = ['llvm-tools']) {
  const vfs = Vfs.from({ 'Cargo.toml': cargoToml, 'target/x86_64-blog_os/debug/blog_os': KERNEL });
  const out: string[] = [];
  const boots: Uint8Array[] = [];
  const ctx: ShellContext = {
    vfs,
    cwd: '',
    history: [],
    terminal: { print: (t) => void out.push(t), clear: () => {} },
    machine: { boot: (image) => void (image && boots.push(image)) },
  };
  const tc = parseToolchain('nightly')!;
  const state = freshState();
  state.toolchains[tc.fullName] = ['cargo', 'rustc', ...components];
  const outcome: BuildOutcome = {
    status: 0,
    executable: 'target/x86_64-blog_os/debug/blog_os',
    targetDir: 'target/x86_64-blog_os/debug',
    profileDir: 'debug',
    packageName: 'blog_os',
    targetFacts: { target_os: 'none' },
    config: { target: { 'cfg(target_os = "none")': { runner: 'bootimage runner' } } },
    toolchain: tc,
    state,
  };
  return { vfs, ctx, out, boots, outcome, print: (t: string) => void out.push(t) };
}

const failure = async (f: () => Promise<unknown>): Promise<string> => {
  try {
    await f();
  } catch (e) {
    if (e instanceof CargoExit) return e.text;
    throw e;
  }
  return '';
};

describe('bootimage after the kernel is built', () => {
  it('needs the bootloader dependency', async () => {
    const { ctx, outcome, print } = setup(CARGO_TOML);
    expect(await failure(() => createBootimage(outcome, ctx, print))).toBe(
      'Error: An error occured while trying to build the bootloader: Bootloader dependency not found\n\n' +
        'You need to add a dependency on a crate named `bootloader` in your Cargo.toml.\n\nCaused by:\n' +
        '    Bootloader dependency not found\n\n    You need to add a dependency on a crate named `bootloader` in your Cargo.toml.',
    );
  });
  it('works only with bootloader 0.9', async () => {
    const { ctx, outcome, print } = setup(CARGO_TOML + '\n[dependencies]\nbootloader = "0.11"\n');
    expect(await failure(() => createBootimage(outcome, ctx, print))).toMatch(/^Error: An error occured while trying to build the bootloader: The `bootloader` dependency has not the right format: No `package.metadata.bootloader.target` key found in Cargo.toml of bootloader\n/);
    const table = setup(CARGO_TOML + '\n[dependencies.bootloader]\nversion = "0.9.23"\n');
    expect(await failure(() => createBootimage(table.outcome, table.ctx, table.print))).toBe('');
  });
  it('needs llvm-tools-preview, after building the bootloader', async () => {
    const { ctx, outcome, print, out } = setup(CARGO_TOML_WITH_BOOTLOADER, []);
    expect(await failure(() => createBootimage(outcome, ctx, print))).toMatch(/^Error: An error occured while trying to create the disk image: Could not find the `llvm-tools-preview` rustup component\.\n\nYou can install by executing `rustup component add llvm-tools-preview`\./);
    expect(out).toEqual(['Building bootloader']);
  });
  it('writes a bootable image next to the kernel', async () => {
    const { ctx, outcome, print, vfs } = setup(CARGO_TOML_WITH_BOOTLOADER);
    expect(await createBootimage(outcome, ctx, print)).toBe('target/x86_64-blog_os/debug/bootimage-blog_os.bin');
    const image = vfs.readBytes('target/x86_64-blog_os/debug/bootimage-blog_os.bin');
    expect(image.length % 512).toBe(0);
    expect(bootInMachine(image, { untilText: 'OK' }).screen).toContain('OK');
  });
  it('cargo run: the runner line, QEMU’s command line, and the image booted', async () => {
    const { ctx, outcome, print, out, boots } = setup(CARGO_TOML_WITH_BOOTLOADER);
    expect(await runBuilt(outcome, ctx, print)).toBe(0);
    expect(out.slice(0, 3)).toEqual([
      '     Running `bootimage runner target/x86_64-blog_os/debug/blog_os`',
      'Building bootloader',
      'Running: `qemu-system-x86_64 -drive format=raw,file=target/x86_64-blog_os/debug/bootimage-blog_os.bin`',
    ]);
    expect(boots).toHaveLength(1);
    expect(bootInMachine(boots[0]!, { untilText: 'OK' }).screen).toContain('OK');
  });
});
