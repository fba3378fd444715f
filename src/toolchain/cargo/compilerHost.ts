// What cargo's build (units.ts) asks of the compiler, as an async interface over plain data, so
// the page can run the compiler in a Worker (src/app/workers/compiler.worker.ts) while Node (the
// `bootlab sh` command, tests) runs it in-process. Sources go in; rendered diagnostics, rustc's
// JSON diagnostics, content hashes and object bytes come out. The compiled crates themselves
// (definitions, IR, source maps) stay where they were compiled: the std crates a crate is
// compiled against are named by their sysroot options, and the host finds them in its own cache.
// The link runs in the host too: linking core's object is itself a long task for a page.
import type { BootImageResult } from '../../boot/index.ts';
import type { InputBytes, LinkOptions } from '../../link/index.ts';
import type { CompileRequest, CompileResult } from './compile.ts';

// Loaded on first use: the page, whose compiler is in its Worker, then never loads the compiler
// and the linker itself (a smaller first bundle); the Worker and Node load them here.
const compiler = () => import('./compile.ts');
const driver = () => import('../../rustc/driver/index.ts');
const linker = () => import('../../link/index.ts');
const boot = () => import('../../boot/index.ts');

export interface SysrootOptions {
  release: boolean;
  /** compiler_builtins' `mem` feature */
  memFeature: boolean;
  /** rust-src's directory, under which the library's files are named in messages */
  rustSrc?: string;
}

/** A compiled crate as the caller sees it: its content hash and its ELF relocatable object. */
export interface CompiledUnit {
  hash: string;
  object: Uint8Array;
}

/** rustc's report of a compile, without the compiled crate. */
export type CompileReport = Omit<CompileResult, 'crate' | 'object'>;

export interface SysrootBuild {
  /** present when each crate compiled; only the hash (the objects come with a crate linked against them) */
  core?: { hash: string };
  compilerBuiltins?: { hash: string };
  coreReport: CompileReport;
  builtinsReport: CompileReport;
}

export interface CrateRequest extends Omit<CompileRequest, 'externs'> {
  /** compile against the std crates built with these options (the host's cached sysroot) */
  sysroot?: SysrootOptions;
  /** also return the std crates' objects to link with this crate */
  wantSysrootObjects?: boolean;
}

export interface CrateBuild extends CompileReport {
  /** the crate, when compilation got through code generation */
  unit?: CompiledUnit;
  /** with `wantSysrootObjects`: `core` and `compiler_builtins` as they are linked with this crate */
  sysrootObjects?: { core: CompiledUnit; compilerBuiltins: CompiledUnit };
}

/** rust-lld's outcome: the executable, or what it printed on stderr. */
export interface LinkOutcome {
  ok: boolean;
  bytes?: Uint8Array;
  stderr: string;
}

export interface CompilerHost {
  buildSysroot(opts: SysrootOptions): Promise<SysrootBuild>;
  /** rustc's first look at a crate for a target whose sysroot has `std` (see compile.ts) */
  hostStdCheck(req: CompileRequest): Promise<CompileReport | undefined>;
  compileCrate(req: CrateRequest): Promise<CrateBuild>;
  /** the link rustc drives (rust-lld): with core's object it is too long a task for the page's thread */
  link(inputs: InputBytes[], options: LinkOptions): Promise<LinkOutcome>;
  /** bootimage's disk image for a linked kernel (assembling the bootloader is a long task too) */
  bootImage(kernel: Uint8Array): Promise<BootImageResult>;
}

const report = (r: CompileResult): CompileReport => ({ rendered: r.rendered, errors: r.errors, warnings: r.warnings, json: r.json });

/**
 * The compiler run where it is called (synchronously, behind promises). The page's Worker runs
 * this same code, so the output of both is the same by construction.
 */
export const inProcessCompilerHost: CompilerHost = {
  async buildSysroot(opts) {
    const { compileSysroot } = await compiler();
    const sys = compileSysroot(opts);
    return {
      ...(sys.core ? { core: { hash: sys.core.hash } } : {}),
      ...(sys.compilerBuiltins ? { compilerBuiltins: { hash: sys.compilerBuiltins.hash } } : {}),
      coreReport: report(sys.coreReport),
      builtinsReport: report(sys.builtinsReport),
    };
  },
  async hostStdCheck(req) {
    const { hostStdCheck } = await compiler();
    const r = hostStdCheck(req);
    return r && report(r);
  },
  async compileCrate(req) {
    const { sysroot, wantSysrootObjects, ...rest } = req;
    const { compileCrate, compileSysroot } = await compiler();
    const sys = sysroot ? compileSysroot(sysroot) : undefined;
    const std = sys?.core && sys.compilerBuiltins ? { core: sys.core, compilerBuiltins: sys.compilerBuiltins } : undefined;
    const result = compileCrate({ ...rest, externs: std ? [std.core, std.compilerBuiltins] : [] });
    const out: CrateBuild = report(result);
    if (!result.crate) return out;
    out.unit = { hash: result.crate.hash, object: result.crate.object };
    if (wantSysrootObjects && std) {
      // only what this crate reaches of core and compiler_builtins gets machine code (what
      // rustc does for core's generic and #[inline] items): with --gc-sections the executable,
      // and every link error, is the same as with their whole objects (driver/on-demand.test.ts)
      const { libraryObjectsFor } = await driver();
      let parts: Uint8Array[];
      try {
        parts = libraryObjectsFor(result.crate, [std.core, std.compilerBuiltins]);
      } catch (e) {
        // a compiler bug (the whole library compiled when it was built): said, never thrown
        const what = e instanceof Error ? e.message : String(e);
        return { ...report(result), rendered: `${out.rendered}error: internal compiler error: code generation for core and compiler_builtins: ${what.replace(/^internal compiler error: /, '')}\n\n`, errors: out.errors + 1 };
      }
      const [core, compilerBuiltins] = parts;
      out.sysrootObjects = {
        core: { hash: std.core.hash, object: core! },
        compilerBuiltins: { hash: std.compilerBuiltins.hash, object: compilerBuiltins! },
      };
    }
    return out;
  },
  async link(inputs, options) {
    const { linkFiles } = await linker();
    try {
      const linked = linkFiles(inputs, options);
      return { ok: linked.ok && linked.bytes !== undefined, ...(linked.bytes ? { bytes: linked.bytes } : {}), stderr: linked.stderr };
    } catch (e) {
      // a linker bug is reported as the linker failing, never thrown out of cargo
      return { ok: false, stderr: `rust-lld: error: internal linker error: ${e instanceof Error ? e.message : String(e)}\n` };
    }
  },
  async bootImage(kernel) {
    const { buildBootImage } = await boot();
    return buildBootImage(kernel);
  },
};

let current: CompilerHost = inProcessCompilerHost;

/** The compiler cargo uses (in-process unless the page installed its Worker). */
export function compilerHost(): CompilerHost {
  return current;
}

/** Makes cargo compile through `host` from now on (the page installs its Worker-backed one). */
export function setCompilerHost(host: CompilerHost): void {
  current = host;
}
