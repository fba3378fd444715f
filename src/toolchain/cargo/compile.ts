// The one door from cargo to the compiler: `compileCrate(request)` runs src/rustc over a crate and
// returns its diagnostics (rendered as rustc prints them) and, once the compiler has a back end,
// the object file. Today src/rustc has its lexer and parser only: syntax errors are real, and a
// crate that parses is reported as stopping at the first missing stage — never a made-up success.
import { parseCrate, renderHuman, SourceMap, type Diagnostic } from '../../rustc/index.ts';
import { error as rustcError } from '../../rustc/diagnostics/diagnostic.ts';
import type { Crate } from '../../rustc/ast/ast.ts';

export interface CompileRequest {
  crateName: string;
  crateType: 'bin' | 'lib';
  /** project path of the crate root, as rustc names it in messages (`src/main.rs`) */
  rootPath: string;
  source: string;
  edition: '2015' | '2018' | '2021' | '2024';
  /** target name as rustc prints it (`x86_64-blog_os`) */
  target: string;
  release: boolean;
  /** Does the sysroot (or build-std) give this target a `core`? False: a custom target without build-std. */
  coreAvailable: boolean;
  nightly: boolean;
}

export interface CompileResult {
  /** what rustc prints for the crate, without the `aborting due to` line (cargo drops it) */
  rendered: string;
  errors: number;
  warnings: number;
  /** the ELF relocatable object, when compilation got through code generation */
  object?: Uint8Array;
}

/** The stages of src/rustc after parsing that do not exist yet (named in the honest error). */
export const MISSING_STAGES = 'name resolution, type checking, lowering and code generation';

function explainLines(diags: readonly Diagnostic[]): string {
  const codes = [...new Set(diags.filter((d) => d.level === 'error' && d.code).map((d) => d.code!))].sort();
  if (codes.length === 1) return `For more information about this error, try \`rustc --explain ${codes[0]}\`.\n`;
  if (codes.length > 1) return `Some errors have detailed explanations: ${codes.join(', ')}.\nFor more information about an error, try \`rustc --explain ${codes[0]}\`.\n`;
  return '';
}

function render(diags: readonly Diagnostic[], sm: SourceMap): CompileResult {
  const body = diags.map((d) => renderHuman(d, sm) + '\n').join('');
  const explain = explainLines(diags);
  return {
    rendered: body + (explain ? explain : ''),
    errors: diags.filter((d) => d.level === 'error').length,
    warnings: diags.filter((d) => d.level === 'warning').length,
  };
}

function hasCrateAttr(crate: Crate, name: string): boolean {
  return crate.attrs.some((a) => a.inner && a.path.segments.length === 1 && a.path.segments[0]!.ident.name === name);
}

/**
 * Crate loading when the target has no `core` (E0463). rustc's crate loader is not written yet
 * in src/rustc, but what it would find is known here: which crates the sysroot holds is the
 * toolchain's business. rustc stops at this first error (one E0463, as the host's rustc 1.95
 * prints it and as learners' logs from 2018 to 2025 show).
 */
function missingCore(crate: Crate, req: CompileRequest): Diagnostic[] {
  const std = hasCrateAttr(crate, 'no_std') ? 'core' : 'std';
  const b = rustcError(`can't find crate for \`${std}\``, 'E0463')
    .note(`the \`${req.target}\` target may not be installed`)
    .help(`consider downloading the target with \`rustup target add ${req.target}\``);
  if (req.nightly) b.help('consider building the standard library from source with `cargo build -Zbuild-std`');
  return [b.build()];
}

export function compileCrate(req: CompileRequest): CompileResult {
  const sm = new SourceMap();
  const parsed = parseCrate(req.source, req.rootPath, { edition: req.edition, sourceMap: sm });
  if (parsed.diagnostics.some((d) => d.level === 'error')) return render(parsed.diagnostics, sm);
  if (!req.coreAvailable) return render([...parsed.diagnostics, ...missingCore(parsed.ast, req)], sm);
  const stop = rustcError(
    `Bootlab's Rust compiler stops here: \`${req.crateName}\` parses, but the compiler's ${MISSING_STAGES} are not written yet, so no object file was produced`,
  ).build();
  return render([...parsed.diagnostics, stop], sm);
}

/** A crate of the standard library built by build-std: Bootlab has no sources for them yet. */
export function compileSysrootCrate(name: string): CompileResult {
  const sm = new SourceMap();
  return render(
    [rustcError(`Bootlab's Rust compiler cannot build \`${name}\` yet: its own \`${name}\` sources and the compiler's ${MISSING_STAGES} are not written yet`).build()],
    sm,
  );
}
