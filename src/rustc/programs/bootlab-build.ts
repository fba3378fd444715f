// The Bootlab side of the differential suite: our driver compiles the program against our
// sysroot (core and compiler_builtins with the `mem` feature, as the post's build-std config
// asks), and our linker links the three objects with the ports object into a static executable
// (entry _start, --gc-sections, image base 0x200000: what rust-lld does for the rustc build).
import { renderAllHuman } from '../diagnostics/human.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { buildSysroot, compileRustCrate } from '../driver/index.ts';
import { linkFiles } from '../../link/link.ts';
import type { Mode, Program } from './harness.ts';
import { helperElf, PORTS_ASM } from './ports.ts';

/** Where a build stopped, for STATUS.md: the stage owners are named in README.md. */
export type Stage = 'sysroot' | 'parse' | 'resolve/typeck' | 'passes' | 'lowering' | 'codegen' | 'driver' | 'link' | 'boot' | 'run';

export type BootlabBuild =
  | { ok: true; elf: Uint8Array; warnings: string[] }
  | { ok: false; stage: Stage; message: string };

let portsBytes: Uint8Array | undefined;

/** The stage a driver error comes from: internal errors name their stage; rustc's codes tell the rest. */
function stageOf(d: Diagnostic): Stage {
  const ice = /^internal compiler error: ([^:]+):/.exec(d.message);
  if (ice) {
    const s = ice[1]!;
    if (/lower/.test(s)) return 'lowering';
    if (/codegen|code generation|object/.test(s)) return 'codegen';
    if (/check|pass|unsafety|liveness|borrow/.test(s)) return 'passes';
    if (/type|resol|analy/.test(s)) return 'resolve/typeck';
    if (/pars/.test(s)) return 'parse';
    return 'driver';
  }
  if (d.code !== null && ['E0133', 'E0384', 'E0596', 'E0594', 'E0381', 'E0499', 'E0502', 'E0503', 'E0505', 'E0506', 'E0382', 'E0004', 'E0005'].includes(d.code)) return 'passes';
  if (/expected|found|unexpected token/.test(d.message) && d.code === null) return 'parse';
  return 'resolve/typeck';
}

/** The first line of a rendered diagnostic plus its ` --> ` location. */
function summary(d: Diagnostic, rendered: string): string {
  const lines = rendered.split('\n');
  const at = lines.find((l) => l.trimStart().startsWith('--> '));
  return at ? `${lines[0]} (${at.trim().slice(4)})` : lines[0]!;
}

export function bootlabBuild(program: Program, mode: Mode): BootlabBuild {
  const release = mode === 'release';
  const sysroot = buildSysroot({ release, memFeature: true });
  if (!sysroot.core || !sysroot.compilerBuiltins) {
    const first = sysroot.diagnostics.find((d) => d.level === 'error');
    if (!first) return { ok: false, stage: 'sysroot', message: 'the sysroot did not build' };
    return { ok: false, stage: stageOf(first), message: `building core/compiler_builtins: ${summary(first, renderAllHuman([first], sysroot.sourceMap))}` };
  }
  const out = compileRustCrate({
    crateName: 'kernel', crateType: 'bin', rootPath: 'src/main.rs', files: new Map([['src/main.rs', program.source]]),
    edition: '2021', release, cfg: { features: [] }, externs: [sysroot.core, sysroot.compilerBuiltins], nightly: false,
  });
  const errors = out.diagnostics.filter((d) => d.level === 'error');
  const warnings = out.diagnostics.filter((d) => d.level === 'warning').map((d) => summary(d, renderAllHuman([d], out.sourceMap)));
  if (!out.crate || errors.length > 0) {
    const first = errors[0];
    if (!first) return { ok: false, stage: 'driver', message: 'no object and no error' };
    return { ok: false, stage: stageOf(first), message: summary(first, renderAllHuman([first], out.sourceMap)) };
  }
  portsBytes ??= helperElf(PORTS_ASM);
  const linked = linkFiles([
    { name: 'kernel.o', bytes: out.crate.object },
    { name: 'ports.o', bytes: portsBytes },
    { name: 'core.o', bytes: sysroot.core.object },
    { name: 'compiler_builtins.o', bytes: sysroot.compilerBuiltins.object },
  ], { entry: '_start', gcSections: true });
  if (!linked.ok || !linked.bytes) return { ok: false, stage: 'link', message: linked.stderr.split('\n').slice(0, 3).join(' ') };
  return { ok: true, elf: linked.bytes, warnings };
}
