// NASM-compatible assembler for flat binaries (`nasm -f bin`): preprocess, parse each line,
// then run passes until the layout is stable. Errors read `file:line: error: message`, with
// the lines NASM adds after a message about a macro expansion.
import { encode } from '../encode.ts';
import type { EncodeContext, Instruction } from '../types.ts';
import { preprocess, findIncludeFile } from './preproc.ts';
import { LineParser, ParseError } from './parser.ts';
import { runPasses, type Line } from './passes.ts';
import { formatDiagnostic } from './diagnostics.ts';

export interface AssembleOptions {
  fileName: string;
  /** Initial mode; 16 by default, as with `nasm -f bin`. */
  bits?: 16 | 32 | 64;
  /** `-i` prefixes: an include name is tried as given, then with each prefix put in front of it. */
  includeDirs?: string[];
  readFile: (path: string) => string | undefined;
  /**
   * Raw bytes of a file for `incbin`. Without it, `incbin` uses readFile and takes the text's
   * UTF-8 bytes, which is right only for text files.
   */
  readBinary?: (path: string) => Uint8Array | undefined;
  encoder?: (ins: Instruction, ctx: EncodeContext) => Uint8Array;
}

export type AssembleResult = { ok: true; bytes: Uint8Array } | { ok: false; errors: string[] };

export function assemble(source: string, opts: AssembleOptions): AssembleResult {
  try {
    return assembleUnguarded(source, opts);
  } catch (e) {
    // A bug of ours or of an injected encoder: say so rather than throw at the caller.
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [`${opts.fileName}: error: internal assembler error: ${message}`] };
  }
}

function assembleUnguarded(source: string, opts: AssembleOptions): AssembleResult {
  const includeDirs = opts.includeDirs ?? [];
  const pp = preprocess(source, { fileName: opts.fileName, includeDirs, readFile: opts.readFile });

  const parser = new LineParser();
  const lines: Line[] = [];
  for (const item of pp.items) {
    if (item.kind === 'error') {
      if (item.severity === 'user') lines.push({ stmt: { kind: 'empty' }, loc: item.loc, userError: item.message });
      else lines.push({ stmt: { kind: 'empty' }, loc: item.loc, error: item.message, ...(item.severity === 'fatal' && { fatal: true }) });
      continue;
    }
    try {
      const parsed = parser.parse(item.text);
      lines.push({ ...(parsed.label !== undefined && { label: parsed.label }), stmt: parsed.stmt, loc: item.loc });
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      lines.push({ stmt: { kind: 'empty' }, loc: item.loc, error: e.message });
    }
  }
  if (pp.fatal) {
    const errors = lines.filter((l) => l.error !== undefined || l.userError !== undefined).map((l) => formatDiagnostic({
      loc: l.loc, message: (l.error ?? l.userError)!, ...(l.fatal && { fatal: true }),
    }));
    return { ok: false, errors };
  }

  const encoder = opts.encoder ?? encode;
  const readBinary = opts.readBinary ?? ((path: string) => {
    const text = opts.readFile(path);
    return text === undefined ? undefined : new TextEncoder().encode(text);
  });
  const result = runPasses(lines, {
    fileName: opts.fileName,
    bits: opts.bits ?? 16,
    encoder,
    loadBinary: (name) => findIncludeFile(name, includeDirs, readBinary)?.data,
  });
  if (result.ok) return { ok: true, bytes: result.bytes };
  return { ok: false, errors: result.errors.map(formatDiagnostic) };
}
