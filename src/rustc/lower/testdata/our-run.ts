// Bootlab's side of the lowering programs: parse, type-check against our core, lower, run
// `run()` in the IR interpreter; `value N` or `panic LINE:COL: MSG` as the host side prints.
import { buildSysroot, sourceMapFor } from '../../driver/index.ts';
import { parseCrate } from '../../driver/parse.ts';
import { runAnalysis } from '../../driver/stages.ts';
import { Interpreter, Panic } from '../../ir/interpret.ts';
import { lowerCrate } from '../index.ts';
import { memExterns } from '../test-thir.ts';
import type { Program } from './programs.ts';

export const OUR_HEADER = '#![no_std]';

export function ourRun(p: Program, release: boolean): string {
  const sysroot = buildSysroot({ release: false, memFeature: true });
  if (!sysroot.core) throw new Error(`core does not build: ${sysroot.diagnostics.map((d) => d.message).join('; ')}`);
  const sourceMap = sourceMapFor([sysroot.core]);
  const parsed = parseCrate(`${OUR_HEADER}${p.source}\n`, 'src/main.rs', { edition: '2021', sourceMap });
  const analysis = runAnalysis(parsed.ast, { crateName: 'prog', crateType: 'lib', externs: [sysroot.core.def], sourceMap, edition: '2021' });
  const errors = analysis.diagnostics.filter((d) => d.level === 'error');
  if (!analysis.crate || errors.length > 0) throw new Error(`type checking failed: ${errors.map((d) => d.message).join('; ')}`);
  const module = lowerCrate(analysis.crate, { release, panicSymbol: sysroot.core.def.panicEntry!.symbol, sourceMap });
  const run = analysis.crate.fns.find((f) => f.name === 'run' && f.path.length === 1)!;
  try {
    const it: Interpreter = new Interpreter(module, { externs: memExterns(() => it, sysroot.core.def.panicEntry!.symbol) });
    return `value ${BigInt.asUintN(64, it.call(run.symbol, []))}`;
  } catch (e) {
    if (e instanceof Panic) return `panic ${e.line}:${e.col}: ${e.panicMessage}`;
    throw e;
  }
}

