// The programs whole-compiler fuzzing mutates: the front end's corpus (which holds the post's
// main.rs at each step), the negative programs (one mistake each) and the programs outside the
// subset; and, to reach lowering and code generation, programs our compiler compiles: the
// runtime differential suite's kernels (src/rustc/programs/cases, with its prelude appended
// unless a program says `// prelude: none`, as that suite builds them). Node only.
import { readdirSync, readFileSync } from 'node:fs';
import { negativePrograms, unsupportedPrograms } from '../negative/programs.ts';
import { corpusFiles } from './corpus.ts';

export interface Seed {
  name: string;
  source: string;
}

export function fuzzSeeds(): Seed[] {
  return [
    ...corpusFiles().map((f) => ({ name: `corpus/${f.name}`, source: f.source })),
    ...negativePrograms().map((p) => ({ name: `negative/${p.file}`, source: p.source })),
    ...unsupportedPrograms().map((p) => ({ name: `unsupported/${p.file}`, source: p.source })),
  ];
}

const programsDir = new URL('../programs/', import.meta.url);

export function compilingSeeds(): Seed[] {
  const prelude = readFileSync(new URL('prelude.rs', programsDir), 'utf8');
  const cases = new URL('cases/', programsDir);
  return readdirSync(cases)
    .filter((n) => n.endsWith('.rs'))
    .sort()
    .map((n) => {
      const text = readFileSync(new URL(n, cases), 'utf8');
      return { name: `programs/${n}`, source: /^\/\/ prelude: none$/m.test(text) ? text : `${text}\n${prelude}` };
    });
}
