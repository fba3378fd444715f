// The programs whole-compiler fuzzing mutates: the front end's corpus (which holds the post's
// main.rs at each step), the negative programs (one mistake each) and the programs outside the
// subset. Node only.
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
