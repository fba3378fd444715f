// TOML parsing for the cargo files: smol-toml for the values (a real TOML 1.0 parser), our
// locator for where keys are written, and the error in the shape cargo's parser reports it:
// `TOML parse error at line L, column C` followed by what is wrong.
import { parse, TomlError } from 'smol-toml';
import { offsetAt, type Diagnostic } from './diagnostic.ts';
import { locateToml, type TomlLocations, type TomlPath } from './tomlLocate.ts';

export type TomlTable = Record<string, unknown>;

export type TomlParse =
  | { ok: true; value: TomlTable; locations: TomlLocations }
  | { ok: false; line: number; column: number; offset: number; reason: string };

export function parseToml(text: string): TomlParse {
  try {
    const value = parse(text) as TomlTable;
    return { ok: true, value, locations: locateToml(text) };
  } catch (e) {
    if (e instanceof TomlError) {
      const reason = e.message.split('\n')[0]!.replace(/^Invalid TOML document:\s*/, '');
      return { ok: false, line: e.line, column: e.column, offset: offsetAt(text, e.line, e.column), reason };
    }
    throw e;
  }
}

/** The diagnostic for a TOML syntax error; `context` is cargo's outer line (`failed to parse manifest…`). */
export function tomlSyntaxDiagnostic(text: string, p: Extract<TomlParse, { ok: false }>, context: string): Diagnostic {
  const end = p.offset < text.length && text[p.offset] !== '\n' ? p.offset + 1 : p.offset;
  return {
    severity: 'error',
    source: 'cargo',
    message: `TOML parse error at line ${p.line}, column ${p.column}\n${p.reason}`,
    start: p.offset,
    end,
    notes: [context],
  };
}

/** The TOML type name as cargo's messages say it, with its article. */
export function tomlTypeName(v: unknown): string {
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'boolean') return 'a boolean';
  if (typeof v === 'number' || typeof v === 'bigint') return Number.isInteger(Number(v)) ? 'an integer' : 'a float';
  if (Array.isArray(v)) return 'an array';
  if (v instanceof Date || (v && typeof v === 'object' && 'toISOString' in v)) return 'a datetime';
  return 'a table';
}

export function isTable(v: unknown): v is TomlTable {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !('toISOString' in v);
}

/** Range helpers: the key of a path, or its value; both fall back to the nearest written ancestor. */
export function keyRange(loc: TomlLocations, path: TomlPath): { start: number; end: number } {
  const s = loc.get(path) ?? loc.nearest(path);
  return s ? { start: s.keyStart, end: s.keyEnd } : { start: 0, end: 0 };
}

export function valueRange(loc: TomlLocations, path: TomlPath): { start: number; end: number } {
  const s = loc.get(path);
  if (s && s.kind === 'value') return { start: s.valueStart, end: s.valueEnd };
  return keyRange(loc, path);
}
