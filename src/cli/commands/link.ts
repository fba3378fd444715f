// bootlab link A.o B.o ... -o OUT [-e SYMBOL] [--gc-sections] [ld.lld options]
// Besides its own options it takes the ld.lld options rustc passes for a static bare-metal
// executable (so rustc can run it as its linker with -C linker-flavor=ld.lld): those that do
// not change such an output are accepted and ignored, the others are applied or refused.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { linkFiles, type InputBytes, type LinkOptions } from '../../link/index.ts';
import { parseAddress } from '../args.ts';
import { UsageError, type CliIO } from '../io.ts';

/** Options that make no difference to a static executable without dynamic sections. */
const IGNORED = new Set([
  '-static', '--static', '-nostdlib', '-Bstatic', '-Bdynamic', '-dn', '-dy', '--as-needed', '--no-as-needed',
  '-O0', '-O1', '-O2', '--build-id=none', '--no-undefined', '--fatal-warnings', '--color-diagnostics', '-pie=false',
  '--no-pie', '--no-dynamic-linker', '--strip-debug', '-S', '--discard-none',
]);
const IGNORED_Z = new Set(['noexecstack', 'lazy', 'nodelete', 'noexecheap', 'text', 'notext', 'defs', 'nognustack']);

interface Parsed {
  inputs: string[];
  output: string;
  options: LinkOptions;
  libraryDirs: string[];
  defsyms: Map<string, bigint>;
}

/** Splits a response file (@FILE) into arguments: whitespace-separated, with quotes and backslashes. */
function responseFileArgs(text: string): string[] {
  const args: string[] = [];
  let current = '';
  let quote: string | undefined;
  let inArg = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      current += text[++i];
      inArg = true;
    } else if (quote) {
      if (c === quote) quote = undefined;
      else current += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      inArg = true;
    } else if (/\s/.test(c)) {
      if (inArg) args.push(current);
      current = '';
      inArg = false;
    } else {
      current += c;
      inArg = true;
    }
  }
  if (inArg) args.push(current);
  return args;
}

function expand(args: string[]): string[] {
  return args.flatMap((a) => (a.startsWith('@') && existsSync(a.slice(1)) ? expand(responseFileArgs(readFileSync(a.slice(1), 'utf8'))) : [a]));
}

function parse(raw: string[]): Parsed {
  const args = expand(raw);
  const parsed: Parsed = { inputs: [], output: 'a.out', options: { gcSections: false }, libraryDirs: [], defsyms: new Map() };
  const libraries: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (name: string): string => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    const eq = a.indexOf('=');
    const key = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const inline = a.startsWith('--') && eq > 0 ? a.slice(eq + 1) : undefined;
    if (a === '-flavor') value(a);
    else if (a === '-o' || key === '--output') parsed.output = inline ?? value(a);
    else if (a.startsWith('-o') && a.length > 2) parsed.output = a.slice(2);
    else if (a === '-e' || key === '--entry') parsed.options.entry = inline ?? value(a);
    else if (a.startsWith('-e') && a.length > 2) parsed.options.entry = a.slice(2);
    else if (a === '--gc-sections') parsed.options.gcSections = true;
    else if (a === '--no-gc-sections') parsed.options.gcSections = false;
    else if (a === '--eh-frame-hdr') parsed.options.ehFrameHdr = true;
    else if (a === '--no-eh-frame-hdr') parsed.options.ehFrameHdr = false;
    else if (key === '--image-base') {
      parsed.options.imageBase = parseAddress(inline ?? value(a), 'image base');
    }
    else if (a === '-z' || (a.startsWith('-z') && a.length > 2)) {
      const z = a === '-z' ? value(a) : a.slice(2);
      if (z === 'relro') parsed.options.relro = true;
      else if (z === 'norelro') parsed.options.relro = false;
      else if (z === 'now') parsed.options.now = true;
      else if (!IGNORED_Z.has(z) && !z.startsWith('max-page-size=') && !z.startsWith('common-page-size=')) {
        throw new UsageError(`-z ${z} is not supported`);
      } else if (z.startsWith('max-page-size=') || z.startsWith('common-page-size=')) {
        if (Number(parseAddress(z.slice(z.indexOf('=') + 1), 'page size')) !== 0x1000) throw new UsageError(`only 4 KiB pages are supported (-z ${z})`);
      }
    } else if (a === '-L' || (a.startsWith('-L') && a.length > 2)) parsed.libraryDirs.push(a === '-L' ? value(a) : a.slice(2));
    else if (a === '-l' || (a.startsWith('-l') && a.length > 2)) libraries.push(a === '-l' ? value(a) : a.slice(2));
    else if (key === '--defsym') {
      const spec = inline ?? value(a);
      const [name, v] = spec.split('=');
      if (!name || v === undefined) throw new UsageError(`--defsym wants SYMBOL=ADDRESS, not '${spec}'`);
      parsed.defsyms.set(name, parseAddress(v, '--defsym value'));
    } else if (IGNORED.has(a) || key === '--build-id' || key === '--hash-style') continue;
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}'`);
    else parsed.inputs.push(a);
  }
  for (const lib of libraries) {
    const file = lib.startsWith(':') ? lib.slice(1) : `lib${lib}.a`;
    const found = parsed.libraryDirs.map((d) => join(d, file)).find((p) => existsSync(p));
    if (!found) throw new UsageError(`unable to find library -l${lib}`);
    parsed.inputs.push(found);
  }
  return parsed;
}

export function run(args: string[], io: CliIO): number {
  const { inputs: paths, output, options, defsyms } = parse(args);
  if (paths.length === 0) throw new UsageError('no input files');
  const inputs: InputBytes[] = [];
  for (const path of paths) {
    try {
      inputs.push({ name: path, bytes: new Uint8Array(readFileSync(path)) });
    } catch {
      io.err(`rust-lld: error: cannot open ${path}: No such file or directory\n`);
      return 1;
    }
  }
  const result = linkFiles(inputs, { ...options, ...(defsyms.size > 0 && { absoluteSymbols: defsyms }) });
  if (result.stderr) io.err(result.stderr);
  if (!result.ok || !result.bytes) return 1;
  writeFileSync(output, result.bytes, { mode: 0o755 });
  return 0;
}
