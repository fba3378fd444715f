import { describe, expect, it } from 'vitest';
import { Vfs } from '../vfs.ts';
import { hashParts, readRecord, removeRecord, writeRecord } from './fingerprint.ts';
import { compilerBuiltinsVersion, stdCompilingLines } from './stdCrates.ts';

describe('fingerprints', () => {
  it('hash every part and its kind, in order', () => {
    const h = hashParts(['a', 'b']);
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(hashParts(['a', 'b'])).toBe(h);
    expect(hashParts(['b', 'a'])).not.toBe(h);
    expect(hashParts(['ab'])).not.toBe(h);
    expect(hashParts([1])).not.toBe(hashParts(['1']));
    expect(hashParts(['fn main() {}\n'])).not.toBe(hashParts(['fn main() { }\n']));
  });
  it('are recorded under the profile’s .fingerprint folder, and unreadable records count as none', () => {
    const vfs = new Vfs();
    expect(readRecord(vfs, 'target/x/debug', 'blog_os')).toBeUndefined();
    writeRecord(vfs, 'target/x/debug', 'blog_os', { hash: 'abc', warnings: 'w', warningCount: 1 });
    expect(vfs.isFile('target/x/debug/.fingerprint/blog_os.json')).toBe(true);
    expect(readRecord(vfs, 'target/x/debug', 'blog_os')).toEqual({ hash: 'abc', warnings: 'w', warningCount: 1 });
    vfs.writeFile('target/x/debug/.fingerprint/blog_os.json', '{not json');
    expect(readRecord(vfs, 'target/x/debug', 'blog_os')).toBeUndefined();
    removeRecord(vfs, 'target/x/debug', 'blog_os');
    expect(vfs.isFile('target/x/debug/.fingerprint/blog_os.json')).toBe(false);
  });
});

describe('build-std’s Compiling lines', () => {
  it('name the post’s three crates, compiler_builtins by the toolchain’s date', () => {
    const lines = stdCompilingLines('/sys/lib/rustlib/src/rust/library', '2024-01-25');
    expect(lines).toEqual({
      core: '   Compiling core v0.0.0 (/sys/lib/rustlib/src/rust/library/core)',
      workspaceCore: '   Compiling rustc-std-workspace-core v1.99.0 (/sys/lib/rustlib/src/rust/library/rustc-std-workspace-core)',
      builtins: '   Compiling compiler_builtins v0.1.105',
    });
    expect(compilerBuiltinsVersion('2023-12-01')).toBe('0.1.103');
    expect(compilerBuiltinsVersion('2025-03-01')).toBe('0.1.118');
  });
});
