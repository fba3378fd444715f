// Bootlab's errors for a test program in the shape the rustc records use
// (`line:col CODE message`, sorted by position): shared by typeck.test.ts and the oracle test.
import { readFileSync } from 'node:fs';
import { parseCrate } from '../index.ts';
import { LIBRARY_SOURCES } from '../library/sources.generated.ts';
import { SourceMap } from '../span/source-map.ts';
import type { CrateDef } from '../thir/defs.ts';
import { analyzeCrate } from './index.ts';

export interface Err {
  code: string;
  message: string;
  at: string;
}

export function showErr(e: Err): string {
  return `${e.at} ${e.code} ${e.message}`;
}

export const byPosition = (a: Err, b: Err): number => {
  const [al, ac] = a.at.split(':').map(Number);
  const [bl, bc] = b.at.split(':').map(Number);
  return al! - bl! || ac! - bc! || a.message.localeCompare(b.message);
};

let core: CrateDef | undefined;

/** Our real core (src/rustc/library/core), analysed once. */
export function libraryCore(): CrateDef {
  if (core) return core;
  const files = LIBRARY_SOURCES.core as Record<string, string>;
  const sm = new SourceMap();
  const p = parseCrate(files['lib.rs']!, 'src/lib.rs', { sourceMap: sm });
  core = analyzeCrate(p.ast, { crateName: 'core', crateType: 'lib', externs: [], sourceMap: sm, loadModule: (path) => files[path.replace(/^src\//, '')] }).crate;
  return core;
}

export function ourErrors(file: string): Err[] {
  const sm = new SourceMap();
  const p = parseCrate(readFileSync(file, 'utf8'), file, { sourceMap: sm });
  const r = analyzeCrate(p.ast, { crateName: 'oracle', crateType: 'lib', externs: [libraryCore()], sourceMap: sm });
  return [...p.diagnostics, ...r.diagnostics]
    .filter((d) => d.level === 'error')
    .map((d) => {
      const prim = d.spans.find((s) => s.primary);
      let at = '';
      if (prim) {
        const lc = sm.fileAt(prim.span.lo).lineCol(prim.span.lo);
        at = `${lc.line}:${lc.col + 1}`;
      }
      return { code: d.code ?? '', message: d.message, at };
    });
}
