import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCoreNum } from './gen-core-num.ts';
import { generateSourcesModule, LIBRARY_DIR } from './generate.ts';
import { LIBRARY_SOURCES } from './sources.generated.ts';

describe('generated library files (regenerate with `npx tsx src/rustc/library/generate.ts`)', () => {
  it('core/num.rs is the generator\'s output', () => {
    expect(readFileSync(join(LIBRARY_DIR, 'core', 'num.rs'), 'utf8')).toBe(generateCoreNum());
  });

  it('sources.generated.ts holds the current .rs files', () => {
    expect(readFileSync(join(LIBRARY_DIR, 'sources.generated.ts'), 'utf8')).toBe(generateSourcesModule());
  });

  it('core declares every integer type\'s methods once, with intrinsics for the machine primitives', () => {
    const num = LIBRARY_SOURCES.core['num.rs']!;
    for (const t of ['i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize']) {
      expect(num.split(`\nimpl ${t} {`).length - 1).toBe(1);
    }
    expect(num.match(/^    #\[rustc_intrinsic\]$/gm)?.length).toBe(12 * 15);
    expect(num).toContain('pub const MIN: i128 = -170141183460469231731687303715884105728;');
    expect(num).toContain('pub const MAX: usize = 18446744073709551615;');
  });
});
