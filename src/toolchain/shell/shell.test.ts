import { describe, expect, it } from 'vitest';
import { Vfs } from '../vfs.ts';
import { Shell } from './shell.ts';
import { layoutColumns } from './file-commands.ts';
import type { OutputKind } from './types.ts';

function setup(files: Record<string, string | Uint8Array> = {}) {
  const vfs = Vfs.from({
    'Cargo.toml': '[package]\nname = "blog_os"\n',
    '.cargo/config.toml': '[build]\n',
    'src/main.rs': 'fn main() {}\n',
    ...files,
  });
  const out: { text: string; kind: OutputKind }[] = [];
  const boots: { image: Uint8Array | null; name: string; serial?: boolean }[] = [];
  let cleared = 0;
  const shell = new Shell({
    vfs,
    terminal: { print: (text, kind = 'output') => out.push({ text, kind }), clear: () => cleared++ },
    machine: { boot: (image, name, opts) => void boots.push({ image, name, serial: opts?.serial }) },
  });
  const text = () => out.map((o) => o.text).join('\n');
  return { vfs, shell, out, boots, text, cleared: () => cleared };
}

describe('Shell file commands', () => {
  it('lists the project like ls, hidden entries with -a', async () => {
    const { shell, text } = setup();
    expect(await shell.run('ls')).toBe(0);
    expect(await shell.run('ls -a')).toBe(0);
    expect(text()).toBe('Cargo.toml  src\n.cargo  Cargo.toml  src');
  });
  it('answers a missing path with coreutils messages and status', async () => {
    const { shell, text } = setup();
    expect(await shell.run('ls nope')).toBe(2);
    expect(await shell.run('cat nope')).toBe(1);
    expect(await shell.run('cat src')).toBe(1);
    expect(await shell.run('rm src')).toBe(1);
    expect(text()).toBe(
      "ls: cannot access 'nope': No such file or directory\ncat: nope: No such file or directory\n" +
        "cat: src: Is a directory\nrm: cannot remove 'src': Is a directory",
    );
  });
  it('changes directory, prints it, and resolves paths from it', async () => {
    const { shell, text } = setup();
    await shell.run('cd src && pwd && cat main.rs && cat ../.cargo/config.toml; cd /; pwd');
    expect(text()).toBe('/src\nfn main() {}\n[build]\n/');
    expect(shell.prompt).toBe('bootlab:/$ ');
  });
  it('stops an && chain at the first failure but goes on after ;', async () => {
    const { shell, text } = setup();
    expect(await shell.run('cd nowhere && echo no; echo yes')).toBe(0);
    expect(text()).toBe('cd: nowhere: No such file or directory\nyes');
  });
  it('removes files, and directories with -r', async () => {
    const { shell, vfs } = setup();
    expect(await shell.run('rm Cargo.toml')).toBe(0);
    expect(await shell.run('rm -r src')).toBe(0);
    expect(vfs.listFiles()).toEqual(['.cargo/config.toml']);
    expect(await shell.run('rm -f nothing')).toBe(0);
  });
  it('runs rustup, and says that unknown commands are unknown', async () => {
    const { shell, out } = setup();
    expect(await shell.run('rustup component add rust-src')).toBe(0);
    expect(await shell.run('frobnicate')).toBe(127);
    expect(out.some((o) => o.text.includes("installing component 'rust-src'"))).toBe(true);
    expect(out[out.length - 1]).toEqual({ text: 'frobnicate: command not found', kind: 'error' });
  });
  it('keeps a history and clears the terminal', async () => {
    const { shell, text, cleared } = setup();
    await shell.run('pwd');
    await shell.run('clear');
    await shell.run('history');
    expect(cleared()).toBe(1);
    expect(text()).toBe('/\n    1  pwd\n    2  clear\n    3  history');
  });
});

describe('Shell mkdir, touch, mv, cp', () => {
  it('makes, moves and copies files and directories', async () => {
    const { shell, vfs, text } = setup();
    expect(await shell.run('mkdir -p a/b && touch a/b/x.rs && mkdir c && mv a/b/x.rs c && cp Cargo.toml c/Copy.toml && mv c d')).toBe(0);
    expect(vfs.listFiles().filter((f) => f.startsWith('a') || f.startsWith('d'))).toEqual(['d/Copy.toml', 'd/x.rs']);
    expect(vfs.readText('d/Copy.toml')).toBe(vfs.readText('Cargo.toml'));
    expect(vfs.isDir('a/b')).toBe(true);
    expect(text()).toBe('');
  });
  it('answers mistakes with coreutils messages', async () => {
    const { shell, text } = setup();
    expect(await shell.run('mkdir x/y')).toBe(1);
    expect(await shell.run('mkdir src')).toBe(1);
    expect(await shell.run('mv nope here')).toBe(1);
    expect(await shell.run('cp src there')).toBe(1);
    expect(await shell.run('cp Cargo.toml')).toBe(1);
    expect(text()).toBe(
      [
        "mkdir: cannot create directory 'x/y': No such file or directory",
        "mkdir: cannot create directory 'src': File exists",
        "mv: cannot move 'nope' to 'here': No such file or directory",
        "cp: -r not specified; omitting directory 'src'",
        "cp: missing destination file operand after 'Cargo.toml'",
      ].join('\n'),
    );
  });
});

describe('qemu-system-x86_64', () => {
  const image = new Uint8Array(512).fill(0x90);
  it('boots a raw image given with -drive, -hda or as a bare path', async () => {
    const { shell, boots } = setup({ 'disk.img': image });
    expect(await shell.run('qemu-system-x86_64 -drive format=raw,file=disk.img')).toBe(0);
    expect(await shell.run('cd src && qemu-system-x86_64 -hda ../disk.img -display none')).toBe(0);
    expect(await shell.run('qemu-system-x86_64 /disk.img -serial stdio')).toBe(0);
    expect(boots.map((b) => b.name)).toEqual(['disk.img', '../disk.img', '/disk.img']);
    // -serial stdio puts COM1 in the terminal; the others leave it out
    expect(boots.map((b) => b.serial)).toEqual([false, false, true]);
    expect(boots[0]!.image).toEqual(image);
  });
  it('reads a doubled comma in -drive as a comma of the file name, as QEMU does', async () => {
    const { shell, boots } = setup({ 'my disk, v2.img': image });
    expect(await shell.run("qemu-system-x86_64 -drive format=raw,file='my disk,, v2.img'")).toBe(0);
    expect(boots[0]!.name).toBe('my disk, v2.img');
  });
  it("prints QEMU's message for a missing file and does not boot", async () => {
    const { shell, text, boots } = setup();
    expect(await shell.run('qemu-system-x86_64 -drive format=raw,file=/nope')).toBe(1);
    expect(await shell.run('qemu-system-x86_64 -hda /nope')).toBe(1);
    expect(await shell.run('qemu-system-x86_64 nope.img')).toBe(1);
    expect(text()).toBe(
      "qemu-system-x86_64: -drive format=raw,file=/nope: Could not open '/nope': No such file or directory\n" +
        "qemu-system-x86_64: -hda /nope: Could not open '/nope': No such file or directory\n" +
        "qemu-system-x86_64: nope.img: Could not open 'nope.img': No such file or directory",
    );
    expect(boots).toEqual([]);
  });
  it("prints QEMU's messages for bad options", async () => {
    const { shell, text } = setup({ 'disk.img': image });
    await shell.run('qemu-system-x86_64 -foo');
    await shell.run('qemu-system-x86_64 -drive');
    await shell.run('qemu-system-x86_64 -drive format=raw');
    await shell.run('qemu-system-x86_64 -drive format=qcow9,file=disk.img');
    await shell.run('qemu-system-x86_64 -drive format=raw,file=disk.img,bogus=1');
    await shell.run('qemu-system-x86_64 -drive format=raw,file=src');
    expect(text()).toBe(
      [
        'qemu-system-x86_64: -foo: invalid option',
        'qemu-system-x86_64: -drive: requires an argument',
        'qemu-system-x86_64: -drive format=raw: A block device must be specified for "file"',
        "qemu-system-x86_64: -drive format=qcow9,file=disk.img: Unknown driver 'qcow9'",
        "qemu-system-x86_64: -drive format=raw,file=disk.img,bogus=1: Block format 'raw' does not support the option 'bogus'",
        "qemu-system-x86_64: -drive format=raw,file=src: 'file' driver requires 'src' to be a regular file",
      ].join('\n'),
    );
  });
  it("warns as QEMU does when the format is not given, then boots", async () => {
    const { shell, out, boots } = setup({ 'disk.img': image });
    expect(await shell.run('qemu-system-x86_64 -drive file=disk.img')).toBe(0);
    expect(out[0]!.text).toMatch(/^WARNING: Image format was not specified for 'disk.img' and probing guessed raw\./);
    expect(boots).toHaveLength(1);
  });
});

describe('Shell completion', () => {
  it('completes command names, then paths from the current directory', () => {
    const { shell } = setup();
    expect(shell.complete('qe', 2)).toEqual({ start: 0, candidates: ['qemu-system-x86_64'] });
    expect(shell.complete('c', 1).candidates).toEqual(['cargo', 'cat', 'cd', 'clear', 'cp']);
    expect(shell.complete('cat s', 5)).toEqual({ start: 4, candidates: ['src/'] });
    expect(shell.complete('cat src/m', 9)).toEqual({ start: 4, candidates: ['src/main.rs'] });
    expect(shell.complete('ls .c', 5).candidates).toEqual(['.cargo/']);
    expect(shell.complete('ls ', 3).candidates).toEqual(['Cargo.toml', 'src/']);
    expect(shell.complete('pwd && l', 8).candidates).toEqual(['ls']);
  });
});

describe('ls columns', () => {
  const names = ['.cargo', 'Cargo.toml', 'hello.img', 'rust-toolchain', 'src', 'x86_64-blog_os.json'];
  it('puts everything on one line when it fits', () => {
    expect(layoutColumns(names, 80)).toBe('.cargo  Cargo.toml  hello.img  rust-toolchain  src  x86_64-blog_os.json');
  });
  it('fills columns top to bottom when the terminal is narrow', () => {
    expect(layoutColumns(names, 40)).toBe(['.cargo      rust-toolchain', 'Cargo.toml  src', 'hello.img   x86_64-blog_os.json'].join('\n'));
    expect(layoutColumns(names, 10)).toBe(names.join('\n'));
  });
});
