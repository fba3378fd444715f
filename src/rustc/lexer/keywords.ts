// Rust's keywords by edition (the Reference, "Keywords"): strict keywords can never be plain
// identifiers; reserved ones are kept for future use; 2018 added async/await/dyn/try.
export type Edition = '2015' | '2018' | '2021' | '2024';

const STRICT = new Set([
  'as', 'break', 'const', 'continue', 'crate', 'else', 'enum', 'extern', 'false', 'fn', 'for', 'if', 'impl', 'in',
  'let', 'loop', 'match', 'mod', 'move', 'mut', 'pub', 'ref', 'return', 'self', 'Self', 'static', 'struct', 'super',
  'trait', 'true', 'type', 'unsafe', 'use', 'where', 'while',
]);
const STRICT_2018 = new Set(['async', 'await', 'dyn']);
const RESERVED = new Set(['abstract', 'become', 'box', 'do', 'final', 'macro', 'override', 'priv', 'typeof', 'unsized', 'virtual', 'yield']);
const RESERVED_2018 = new Set(['try']);
const RESERVED_2024 = new Set(['gen']);

export function isKeyword(name: string, edition: Edition = '2021'): boolean {
  if (STRICT.has(name) || RESERVED.has(name)) return true;
  if (edition !== '2015' && (STRICT_2018.has(name) || RESERVED_2018.has(name))) return true;
  if (edition === '2024' && RESERVED_2024.has(name)) return true;
  return false;
}

/** Keywords that cannot be raw identifiers (`r#self` is an error). */
export function isPathSegmentKeyword(name: string): boolean {
  return name === 'self' || name === 'Self' || name === 'super' || name === 'crate';
}
