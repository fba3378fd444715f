// The corpus of Rust programs under testdata/corpus, read once (Node only: tests and benches).
import { readdirSync, readFileSync } from 'node:fs';

const dir = new URL('../testdata/corpus/', import.meta.url);

export function corpusFiles(): Array<{ name: string; source: string }> {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.rs'))
    .sort()
    .map((name) => ({ name, source: readFileSync(new URL(name, dir), 'utf8') }));
}
