// The part of `cargo build` after the checks: the std crates when build-std rebuilds them, the
// learner's crate, and the link — each skipped when fresh (fingerprint.ts), as cargo skips them.
// rustc's diagnostics are printed as cargo shows them (without rustc's `aborting due to` line,
// with cargo's own summary), and published in rustc's JSON shape for the editor's markers.
import type { InputBytes } from '../../link/index.ts';
import type { Vfs } from '../vfs.ts';
import { compilerHost, type CompileReport, type SysrootOptions } from './compilerHost.ts';
import { publishCompilerDiagnostics } from './diagnosticsFeed.ts';
import { hashParts, readRecord, removeRecord, writeRecord } from './fingerprint.ts';
import { stdCompilingLines } from './stdCrates.ts';
import { verb } from './verb.ts';

export interface UnitsInput {
  vfs: Vfs;
  print: (text: string) => void;
  name: string;
  version: string;
  edition: '2015' | '2018' | '2021' | '2024';
  crateType: 'bin' | 'lib';
  root: string;
  /** project folder of the profile (`target/x86_64-blog_os/debug`) */
  targetDir: string;
  /** target name as rustc prints it */
  targetLabel: string;
  /** a target without a prebuilt sysroot (a .json file or a built-in target not installed) */
  custom: boolean;
  release: boolean;
  nightly: boolean;
  /** the toolchain's full name and date (part of every fingerprint) */
  toolchain: string;
  date: string;
  /** build-std's crate list, when set */
  buildStd?: string[];
  buildStdFeatures: string[];
  /** rust-src's library folder, for the `Compiling core v0.0.0 (…)` line */
  librarySrc: string;
  /** everything else that makes the crate's fingerprint (manifest, config, target file) */
  configParts: string[];
}

export type UnitsOutcome = { ok: true; executable?: string } | { ok: false; crate: string; kind: string; errors: number; warnings: number } | { ok: false; printed: true };

/** Why an executable for the host is not made (said instead of pretending to link one). */
export function hostLinkRefusal(crate: string, target: string): string {
  return `Bootlab links kernels for bare-metal targets only: linking \`${crate}\` for \`${target}\` needs \`cc\` and the host's C library, which Bootlab does not have`;
}

/**
 * Lets the page paint what was printed before a long compile (the page's compiler runs on its
 * thread): the learner sees `Compiling core …` while core compiles, as with real cargo.
 */
function letThePagePaint(): Promise<void> {
  return new Promise<void>((resolve) => {
    // in a page: after the next frame is drawn (a frame callback, then a task after the paint);
    // a hidden tab draws no frames, so a short timer bounds the wait; in Node, just a turn
    if (typeof requestAnimationFrame !== 'function') return void setTimeout(resolve, 0);
    const timer = setTimeout(resolve, 50);
    requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), resolve()), 0));
  });
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

function warningsLine(crate: string, kind: string, n: number): string {
  return `warning: \`${crate}\` (${kind}) generated ${plural(n, 'warning')}`;
}

/** The crate's Rust sources (the root and any module files under src/). */
function crateFiles(vfs: Vfs, root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const p of vfs.listFiles('src')) {
    const text = p.endsWith('.rs') ? vfs.tryReadText(p) : undefined;
    if (text !== undefined) files.set(p, text);
  }
  files.set(root, vfs.readText(root));
  return files;
}

function show(print: (t: string) => void, r: CompileReport): void {
  if (r.rendered) print(r.rendered.replace(/\n$/, ''));
}

export async function buildUnits(u: UnitsInput): Promise<UnitsOutcome> {
  const { vfs, print } = u;
  const kind = u.crateType === 'bin' ? `bin "${u.name}"` : 'lib';
  const files = crateFiles(vfs, u.root);
  const source = files.get(u.root)!;
  const host = !u.custom && u.buildStd === undefined;

  // 1. the std crates: rebuilt from our library sources by build-std (for the host target, the
  //    toolchain's prebuilt sysroot is used when the crate gets that far: see below)
  // the std crates the learner's crate is compiled against (the compiler host keeps them)
  let sysroot: SysrootOptions | undefined;
  let sysrootHash = 'none';
  const rustSrc = u.librarySrc.replace(/\/library$/, '');
  if (u.buildStd !== undefined) {
    const memFeature = u.buildStdFeatures.includes('compiler-builtins-mem');
    const lines = stdCompilingLines(u.librarySrc, u.date);
    // the record says with which options the std crates were last built (and from which
    // sources: their hash); when the options differ, `Compiling core` shows before the work
    const options = hashParts([u.toolchain, u.release, memFeature, u.buildStd.join(',')]);
    const recorded = readRecord(vfs, u.targetDir, 'std');
    const announced = recorded?.options !== options;
    if (announced) {
      print(lines.core);
      await letThePagePaint();
    }
    const sys = await compilerHost().buildSysroot({ release: u.release, memFeature, rustSrc });
    const unitHash = hashParts([options, sys.core?.hash, sys.compilerBuiltins?.hash]);
    const fresh = recorded?.hash === unitHash && sys.core && sys.compilerBuiltins;
    if (!fresh) {
      removeRecord(vfs, u.targetDir, 'std');
      if (!announced) print(lines.core);
      show(print, sys.coreReport);
      if (!sys.core) return { ok: false, crate: 'core', kind: 'lib', errors: Math.max(1, sys.coreReport.errors), warnings: sys.coreReport.warnings };
      if (sys.coreReport.warnings) print(warningsLine('core', 'lib', sys.coreReport.warnings));
      print(lines.workspaceCore);
      print(lines.builtins);
      show(print, sys.builtinsReport);
      if (!sys.compilerBuiltins) return { ok: false, crate: 'compiler_builtins', kind: 'lib', errors: Math.max(1, sys.builtinsReport.errors), warnings: sys.builtinsReport.warnings };
      if (sys.builtinsReport.warnings) print(warningsLine('compiler_builtins', 'lib', sys.builtinsReport.warnings));
      writeRecord(vfs, u.targetDir, 'std', { hash: unitHash, options });
    }
    if (!sys.core || !sys.compilerBuiltins) return { ok: false, crate: 'core', kind: 'lib', errors: 1, warnings: 0 };
    sysroot = { release: u.release, memFeature, rustSrc };
    sysrootHash = unitHash;
  }

  // 2. the learner's crate
  const executable = `${u.targetDir}/${u.name}`;
  const crateHash = hashParts([u.toolchain, u.release, u.edition, u.name, u.version, u.targetLabel, sysrootHash, ...u.configParts, ...[...files].flat()]);
  const record = readRecord(vfs, u.targetDir, u.name);
  const isBin = u.crateType === 'bin';
  if (record?.hash === crateHash && (!isBin || vfs.isFile(executable))) {
    // fresh: cargo replays the warnings it cached and compiles nothing
    if (record.warnings) print(record.warnings.replace(/\n$/, ''));
    if (record.warningCount) print(warningsLine(u.name, kind, record.warningCount));
    return isBin ? { ok: true, executable } : { ok: true };
  }
  removeRecord(vfs, u.targetDir, u.name);
  print(verb('Compiling', `${u.name} v${u.version} (/)`));
  await letThePagePaint();

  if (host) {
    // rustc parses, and finds the crate needs `std` (which Bootlab lacks), before loading `core`
    const noStd = await compilerHost().hostStdCheck({ crateName: u.name, crateType: u.crateType, rootPath: u.root, source, edition: u.edition, target: u.targetLabel, release: u.release, coreAvailable: true, nightly: u.nightly, sysrootHasStd: true });
    if (noStd) {
      publishCompilerDiagnostics({ crate: u.name, diagnostics: noStd.json });
      show(print, noStd);
      return { ok: false, crate: u.name, kind, errors: Math.max(1, noStd.errors), warnings: noStd.warnings };
    }
    // the host's "prebuilt" sysroot is our library (compiled once, cached by the driver); if it
    // does not compile, that is Bootlab's bug, said so where rustc would load `core`
    await letThePagePaint();
    const sys = await compilerHost().buildSysroot({ release: u.release, memFeature: false, rustSrc });
    if (!sys.core || !sys.compilerBuiltins) {
      print(`error: internal compiler error: Bootlab's prebuilt \`core\` and \`compiler_builtins\` for \`${u.targetLabel}\` do not compile:\n`);
      show(print, sys.coreReport);
      show(print, sys.builtinsReport);
      return { ok: false, crate: u.name, kind, errors: 1, warnings: 0 };
    }
    sysroot = { release: u.release, memFeature: false, rustSrc };
  }

  const result = await compilerHost().compileCrate({
    crateName: u.name,
    crateType: u.crateType,
    rootPath: u.root,
    source,
    files,
    edition: u.edition,
    target: u.targetLabel,
    release: u.release,
    coreAvailable: sysroot !== undefined,
    nightly: u.nightly,
    ...(sysroot ? { sysroot } : {}),
    wantSysrootObjects: isBin && !host,
    features: [],
  });
  publishCompilerDiagnostics({ crate: u.name, diagnostics: result.json });
  show(print, result);
  if (result.errors > 0 || !result.unit) return { ok: false, crate: u.name, kind, errors: Math.max(1, result.errors), warnings: result.warnings };

  if (!isBin) {
    // a library is not linked (cargo keeps its rlib for the crates that depend on it)
    if (result.warnings) print(warningsLine(u.name, kind, result.warnings));
    writeRecord(vfs, u.targetDir, u.name, { hash: crateHash, warnings: result.warnings ? result.rendered : '', warningCount: result.warnings });
    return { ok: true };
  }
  if (host) {
    print(
      `error: ${hostLinkRefusal(u.name, u.targetLabel)}\n\n` +
        `error: could not compile \`${u.name}\` (${kind}) due to 1 previous error${result.warnings ? `; ${plural(result.warnings, 'warning')} emitted` : ''}`,
    );
    return { ok: false, printed: true };
  }

  // 3. the link, as rustc drives rust-lld for the post's target: entry `_start`, static,
  //    --gc-sections, --eh-frame-hdr; the crate's object first, then the std crates'
  const objectName = `${u.name}-${result.unit.hash.slice(0, 16)}.${u.name}.0-cgu.0.rcgu.o`;
  // each std crate is one object (rustc's rlibs hold one per codegen unit); named as rustc names them
  const linkInputs: InputBytes[] = [];
  const std = result.sysrootObjects;
  if (std) {
    linkInputs.push({ name: `core-${std.core.hash.slice(0, 16)}.core.0-cgu.0.rcgu.o`, bytes: std.core.object });
    linkInputs.push({ name: `compiler_builtins-${std.compilerBuiltins.hash.slice(0, 16)}.compiler_builtins.0-cgu.0.rcgu.o`, bytes: std.compilerBuiltins.object });
  }
  const linked = await compilerHost().link([{ name: objectName, bytes: result.unit.object }, ...linkInputs], { entry: '_start', gcSections: true, ehFrameHdr: true });
  if (!linked.ok || !linked.bytes) {
    // rustc quotes the linker's stderr as a note, every line under the first indented by ten
    // (lld's final newline leaves a line of ten spaces, then rustc's blank line)
    print(`error: linking with \`rust-lld\` failed: exit status: 1\n  |\n  = note: ${linked.stderr.split('\n').join('\n          ')}\n`);
    return { ok: false, crate: u.name, kind, errors: 1, warnings: result.warnings };
  }
  const warningsText = result.warnings ? result.rendered : '';
  if (result.warnings) print(warningsLine(u.name, kind, result.warnings));
  vfs.writeFile(executable, linked.bytes);
  writeRecord(vfs, u.targetDir, u.name, { hash: crateHash, warnings: warningsText, warningCount: result.warnings });
  return { ok: true, executable };
}
