import { describe, expect, it } from 'vitest';
import { Vfs, VfsError, basename, checkNewPath, dirname, joinPath, normalizePath, type VfsEvent } from './vfs.ts';

function recording(vfs: Vfs): VfsEvent[] {
  const events: VfsEvent[] = [];
  vfs.subscribe((e) => events.push(e));
  return events;
}

describe('paths', () => {
  it('normalises the ways a learner or a shell writes a path', () => {
    expect(normalizePath('./src//main.rs')).toBe('src/main.rs');
    expect(normalizePath('/Cargo.toml')).toBe('Cargo.toml');
    expect(normalizePath('src/../.cargo/config.toml')).toBe('.cargo/config.toml');
    expect(normalizePath('')).toBe('');
    expect(() => normalizePath('../etc/passwd')).toThrow(VfsError);
    expect(() => normalizePath('src\\main.rs')).toThrow(/use '\/'/);
  });
  it('splits and joins', () => {
    expect(dirname('src/main.rs')).toBe('src');
    expect(dirname('Cargo.toml')).toBe('');
    expect(basename('.cargo/config.toml')).toBe('config.toml');
    expect(joinPath('src', '../Cargo.toml')).toBe('Cargo.toml');
  });
  it('judges names typed for new files', () => {
    expect(checkNewPath('src/vga.rs')).toBeNull();
    expect(checkNewPath('')).toMatch(/empty/);
    expect(checkNewPath(' a.rs')).toMatch(/space/);
    expect(checkNewPath('src/')).toMatch(/folder/);
    expect(checkNewPath('../x')).toMatch(/leaves the project/);
  });
});

describe('Vfs', () => {
  it('creates parent folders on write, like the project on disk', () => {
    const vfs = new Vfs();
    vfs.writeFile('.cargo/config.toml', '[build]\n');
    expect(vfs.isDir('.cargo')).toBe(true);
    expect(vfs.readText('.cargo/config.toml')).toBe('[build]\n');
    expect(vfs.readdir('')).toEqual([{ name: '.cargo', kind: 'dir' }]);
  });

  it('lists files folders-first, sorted byte-wise', () => {
    const vfs = Vfs.from({ 'src/main.rs': 'a', 'Cargo.toml': 'b', '.cargo/config.toml': 'c', 'x86_64-blog_os.json': '{}' });
    expect(vfs.listFiles()).toEqual(['.cargo/config.toml', 'src/main.rs', 'Cargo.toml', 'x86_64-blog_os.json']);
    expect(vfs.listFiles('src')).toEqual(['src/main.rs']);
  });

  it('emits create, change, delete — and nothing for a write that changes nothing', () => {
    const vfs = new Vfs();
    const events = recording(vfs);
    vfs.writeFile('src/main.rs', 'fn main() {}');
    vfs.writeFile('src/main.rs', 'fn main() {}');
    vfs.writeFile('src/main.rs', '#![no_std]');
    vfs.remove('src/main.rs');
    expect(events).toEqual([
      { type: 'mkdir', path: 'src' },
      { type: 'create', path: 'src/main.rs' },
      { type: 'change', path: 'src/main.rs' },
      { type: 'delete', path: 'src/main.rs' },
    ]);
  });

  it('bumps a file version on each real change', () => {
    const vfs = Vfs.from({ a: '1' });
    const v1 = vfs.stat('a').version;
    vfs.writeFile('a', '2');
    expect(vfs.stat('a').version).toBeGreaterThan(v1);
  });

  it('renames files and whole folders, one event per file', () => {
    const vfs = Vfs.from({ 'src/main.rs': 'm', 'src/vga/mod.rs': 'v' });
    const events = recording(vfs);
    vfs.rename('src', 'kernel');
    expect(vfs.listFiles()).toEqual(['kernel/vga/mod.rs', 'kernel/main.rs']);
    expect(events).toEqual([
      { type: 'rename', path: 'kernel/vga/mod.rs', from: 'src/vga/mod.rs' },
      { type: 'rename', path: 'kernel/main.rs', from: 'src/main.rs' },
    ]);
    expect(() => vfs.rename('kernel/main.rs', 'kernel/vga/mod.rs')).toThrow(/EEXIST/);
    expect(() => vfs.rename('kernel', 'kernel/inner')).toThrow(/into itself/);
    expect(() => vfs.rename('nope', 'x')).toThrow(/ENOENT/);
  });

  it('refuses what a file system refuses', () => {
    const vfs = Vfs.from({ 'src/main.rs': 'm' });
    expect(() => vfs.readText('src')).toThrow(/EISDIR/);
    expect(() => vfs.writeFile('src', 'x')).toThrow(/EISDIR/);
    expect(() => vfs.writeFile('src/main.rs/x', 'x')).toThrow(/ENOTDIR/);
    expect(() => vfs.remove('src')).toThrow(/ENOTEMPTY/);
    expect(() => vfs.readdir('nope')).toThrow(/ENOENT/);
    expect(() => vfs.mkdir('src/main.rs')).toThrow(/EEXIST/);
    try {
      vfs.readText('missing.rs');
    } catch (e) {
      expect(e).toBeInstanceOf(VfsError);
      expect((e as VfsError).code).toBe('ENOENT');
      expect((e as VfsError).path).toBe('missing.rs');
    }
  });

  it('removes folders recursively and tells about every file', () => {
    const vfs = Vfs.from({ 'target/a': 'x', 'target/b/c': 'y', keep: 'z' });
    const events = recording(vfs);
    vfs.remove('target', { recursive: true });
    expect(vfs.listFiles()).toEqual(['keep']);
    expect(events.map((e) => e.type)).toEqual(['delete', 'delete', 'rmdir']);
  });

  it('stores bytes as well as text, and copies what it is given', () => {
    const vfs = new Vfs();
    const bytes = new Uint8Array([0x55, 0xaa]);
    vfs.writeFile('disk.img', bytes);
    bytes[0] = 0;
    expect(vfs.readBytes('disk.img')).toEqual(new Uint8Array([0x55, 0xaa]));
    vfs.writeFile('t.txt', 'é');
    expect(vfs.readBytes('t.txt')).toEqual(new Uint8Array([0xc3, 0xa9]));
  });

  it('snapshots and restores, keeping empty folders', () => {
    const vfs = Vfs.from({ 'src/main.rs': 'm' });
    vfs.mkdir('tests');
    const events = recording(vfs);
    const copy = new Vfs();
    copy.replaceAll(vfs.toJSON(), vfs.listEmptyDirs());
    expect(copy.listFiles()).toEqual(['src/main.rs']);
    expect(copy.isDir('tests')).toBe(true);
    vfs.replaceAll({ 'a.rs': '' });
    expect(events).toEqual([{ type: 'reset' }]);
  });

  it('lets a listener unsubscribe', () => {
    const vfs = new Vfs();
    const seen: VfsEvent[] = [];
    const stop = vfs.subscribe((e) => seen.push(e));
    vfs.writeFile('a', '1');
    stop();
    vfs.writeFile('a', '2');
    expect(seen).toHaveLength(1);
  });
});
