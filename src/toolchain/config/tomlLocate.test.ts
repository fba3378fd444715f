import { describe, expect, it } from 'vitest';
import { locateToml } from './tomlLocate.ts';

const TEXT = `# comment
[package]
name = "blog_os" # trailing
"quoted key" = 1
multi = """
line [not.a.table]
"""

[dependencies]
bootloader = { version = "0.9", features = ["map_physical_memory"] }
x.y.z = [
  "a", # inside
  "b",
]

[[bin]]
name = "first"

[[bin]]
name = "second"

[target.'cfg(target_os = "none")']
runner = "bootimage runner"
`;

const at = (path: (string | number)[]) => {
  const loc = locateToml(TEXT);
  const s = loc.get(path);
  return s && { key: TEXT.slice(s.keyStart, s.keyEnd), value: TEXT.slice(s.valueStart, s.valueEnd) };
};

describe('locating TOML keys', () => {
  it('finds keys and values, skipping comments and multi-line strings', () => {
    expect(at(['package', 'name'])).toEqual({ key: 'name', value: '"blog_os"' });
    expect(at(['package', 'quoted key'])).toEqual({ key: '"quoted key"', value: '1' });
    expect(at(['package', 'multi'])!.value).toBe('"""\nline [not.a.table]\n"""');
    expect(at(['not', 'a', 'table'])).toBeUndefined();
  });
  it('goes into inline tables and multi-line arrays', () => {
    expect(at(['dependencies', 'bootloader', 'version'])).toEqual({ key: 'version', value: '"0.9"' });
    expect(at(['dependencies', 'bootloader', 'features'])!.value).toBe('["map_physical_memory"]');
    expect(at(['dependencies', 'x', 'y', 'z'])!.value).toBe('[\n  "a", # inside\n  "b",\n]');
    expect(at(['dependencies', 'x'])!.key).toBe('x.y.z');
  });
  it('numbers arrays of tables and reads quoted header keys', () => {
    expect(at(['bin', 0, 'name'])!.value).toBe('"first"');
    expect(at(['bin', 1, 'name'])!.value).toBe('"second"');
    expect(at(['target', 'cfg(target_os = "none")', 'runner'])!.value).toBe('"bootimage runner"');
    expect(at(['target', 'cfg(target_os = "none")'])!.key).toBe(`target.'cfg(target_os = "none")'`);
  });
});
