// Mutated programs never make name resolution or type checking throw or report an internal
// compiler error: each gets diagnostics or a THIR. Mutations that keep the syntax valid (an
// identifier, literal or operator replaced by another of the same kind from the program) reach
// type checking far more often than deletions do. TYPECK_FUZZ_RUNS raises the count.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCrate } from '../index.ts';
import { lex } from '../lexer/lexer.ts';
import { mutate, Prng } from '../fuzz/mutate.ts';
import { SourceMap } from '../span/source-map.ts';
import { analyzeCrate } from './index.ts';
import { libraryCore } from './oracle-errors.ts';

const RUNS = Number(process.env.TYPECK_FUZZ_RUNS ?? 600);
const OPERATORS = ['+', '-', '*', '/', '%', '&', '|', '^', '<<', '>>', '==', '!=', '<', '>', '<=', '>=', '&&', '||'];

function corpus(): string[] {
  const out: string[] = [];
  const dirs = [new URL('./testdata/', import.meta.url), new URL('../programs/cases/', import.meta.url)];
  for (const d of dirs) {
    const dir = fileURLToPath(d);
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((f) => f.endsWith('.rs'));
    } catch {
      continue;
    }
    for (const n of names) out.push(readFileSync(dir + n, 'utf8'));
  }
  return out;
}

/** Replaces one token by another of its kind taken from the same program. */
function replaceToken(src: string, rng: Prng): string {
  const toks = lex(src, 0, '2021').tokens.filter((t) => t.kind !== 'eof');
  if (toks.length === 0) return src;
  const t = toks[rng.below(toks.length)]!;
  let pool: string[];
  if (t.kind === 'punct' && OPERATORS.includes(t.text)) pool = OPERATORS;
  else pool = toks.filter((x) => x.kind === t.kind && (t.kind !== 'punct' || OPERATORS.includes(x.text))).map((x) => src.slice(x.span.lo, x.span.hi));
  const repl = pool[rng.below(pool.length)] ?? '';
  return src.slice(0, t.span.lo) + repl + src.slice(t.span.hi);
}

describe('type checking fuzzing', () => {
  it(`survives ${RUNS} mutated programs without throwing or an internal error`, () => {
    const core = libraryCore();
    const programs = corpus();
    const rng = new Prng(0x7c0c);
    let reached = 0;
    for (let n = 0; n < RUNS; n++) {
      const base = programs[rng.below(programs.length)]!;
      const source = n % 3 === 0 ? mutate(base, rng).source : replaceToken(base, rng);
      const sm = new SourceMap();
      const parsed = parseCrate(source, 'src/main.rs', { sourceMap: sm });
      if (parsed.diagnostics.some((d) => d.level === 'error')) continue;
      reached++;
      let diags;
      try {
        diags = analyzeCrate(parsed.ast, { crateName: 'fuzz', crateType: 'bin', externs: [core], sourceMap: sm }).diagnostics;
      } catch (e) {
        throw new Error(`threw: ${String(e)}\n--- source ---\n${source}`);
      }
      const ice = diags.find((d) => d.message.startsWith('internal compiler error'));
      if (ice) throw new Error(`${ice.message}\n--- source ---\n${source}`);
    }
    expect(reached).toBeGreaterThan(RUNS / 5);
  }, 300_000);
});
