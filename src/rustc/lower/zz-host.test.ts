import { it } from 'vitest';
import { hostRunAll } from './testdata/host-run.ts';
import { PROGRAMS } from './testdata/programs.ts';
it('host', () => { for (const r of [false, true]) hostRunAll(r).forEach((x, i) => console.log(r, PROGRAMS[i]!.name, '=>', x)); }, 600000);
