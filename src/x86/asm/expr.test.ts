import { describe, it, expect } from 'vitest';
import { tokenize } from './lexer.ts';
import { parseExpr, TokenStream, Evaluator, EvalError, MIXED, type EvalEnv, type Sect, type SymbolValue } from './expr.ts';
import { chooseBaseIndex } from './operands.ts';
import { registerByName } from '../registers.ts';

const TEXT: Sect = { base: 0x7c00n, baseKnown: true };
const LATER: Sect = { base: 0n, baseKnown: false };

const symbols: Record<string, SymbolValue> = {
  a: { value: 0x10n, known: true, sec: TEXT },
  b: { value: 0x30n, known: true, sec: TEXT },
  d: { value: 4n, known: true, sec: LATER },
  five: { value: 5n, known: true, sec: null },
  fwd: { value: 0n, known: false, sec: null },
};

const env: EvalEnv = {
  lookup(name, out) {
    const s = symbols[name];
    if (!s) throw new EvalError(`symbol \`${name}' not defined`);
    Object.assign(out, s);
  },
  here(out) { Object.assign(out, { value: 0x20n, known: true, sec: TEXT }); },
  start(out) { Object.assign(out, { value: 0n, known: true, sec: TEXT }); },
};

function run(text: string) {
  const ts = new TokenStream(tokenize(text));
  const e = parseExpr(ts, { qualify: (n) => n });
  expect(ts.atEnd()).toBe(true);
  const ev = new Evaluator(env);
  const v = ev.evalAbs(e);
  return { v, sec: ev.sec, unknown: ev.unknown };
}

const val = (text: string) => run(text).v;

describe('expression precedence and arithmetic', () => {
  it('follows nasm precedence', () => {
    expect(val('1 + 2 * 3')).toBe(7n);
    expect(val('7 & 3 | 8 ^ 1')).toBe(11n);
    expect(val('1 | 2 ^ 3 & 4')).toBe(3n);
    expect(val('1 << 2 + 1')).toBe(8n);
    expect(val('2 + 3 == 5 && 1')).toBe(1n);
    expect(val('1 || 0 && 0')).toBe(1n);
    expect(val('-2 * -3')).toBe(6n);
    expect(val('~0 & 0xff')).toBe(255n);
    expect(val('!5 + !0')).toBe(1n);
  });

  it('divides unsigned with / and %, signed with // and %%', () => {
    expect(val('-5 / 2')).toBe(0x7ffffffffffffffdn);
    expect(val('-5 // 2')).toBe(-2n);
    expect(val('-5 % 3')).toBe(2n);
    expect(val('-5 %% 3')).toBe(-2n);
  });

  it('shifts logically with >> and arithmetically with >>>', () => {
    expect(val('-16 >> 2')).toBe(0x3ffffffffffffffcn);
    expect(val('-16 >>> 2')).toBe(-4n);
    expect(val('1 <<< 3')).toBe(8n);
  });

  it('compares signed values', () => {
    expect(val('-1 < 0')).toBe(1n);
    expect(val('1 <> 2')).toBe(1n);
    expect(val('2 = 2')).toBe(1n);
    expect(val('3 ^^ 0')).toBe(1n);
  });

  it('reads character constants little-endian', () => {
    expect(val("'ab'")).toBe(0x6261n);
  });

  it('reports division by zero', () => {
    expect(() => val('1 / 0')).toThrow('division by zero');
  });
});

describe('relocatable values', () => {
  it('keeps labels, $ and $$ relative to their section', () => {
    expect(run('a')).toEqual({ v: 0x7c10n, sec: TEXT, unknown: false });
    expect(run('$')).toEqual({ v: 0x7c20n, sec: TEXT, unknown: false });
    expect(run('a + 2')).toEqual({ v: 0x7c12n, sec: TEXT, unknown: false });
  });

  it('makes a difference of two labels in one section a plain number', () => {
    expect(run('b - a')).toEqual({ v: 0x20n, sec: null, unknown: false });
    expect(run('$ - $$')).toEqual({ v: 0x20n, sec: null, unknown: false });
  });

  it('knows a difference within a section whose address is not settled', () => {
    expect(run('d - d')).toEqual({ v: 0n, sec: null, unknown: false });
    expect(run('d').unknown).toBe(true);
  });

  it('mixes relocatable terms into an absolute but non-simple value', () => {
    expect(run('a + b')).toEqual({ v: 0x7c10n + 0x7c30n, sec: MIXED, unknown: false });
    expect(run('a * 2').sec).toBe(MIXED);
  });

  it('refuses to divide a relocatable value', () => {
    expect(() => val('a / 2')).toThrow('division operator may only be applied to scalar values');
  });

  it('carries unknown values through', () => {
    expect(run('fwd + 1').unknown).toBe(true);
    expect(run('five * 2')).toEqual({ v: 10n, sec: null, unknown: false });
  });
});

describe('effective addresses', () => {
  const ea = (text: string, nosplit = false) => {
    const ts = new TokenStream(tokenize(text));
    const ev = new Evaluator(env);
    const lf = ev.linear(parseExpr(ts, { qualify: (n) => n }));
    const r = chooseBaseIndex(lf.terms, nosplit);
    return `${r.base?.name ?? '-'} ${r.index?.name ?? '-'} ${r.scale} ${ev.absolute(lf.disp, lf.sec)}`;
  };

  it('chooses base and index as nasm does', () => {
    expect(ea('eax + ebx')).toBe('eax ebx 1 0');
    expect(ea('ebx + eax')).toBe('ebx eax 1 0');
    expect(ea('ebx*1 + eax')).toBe('eax ebx 1 0');
    expect(ea('eax + ebx*1')).toBe('eax ebx 1 0');
    expect(ea('eax*2 + ebx')).toBe('ebx eax 2 0');
    expect(ea('4 + esi*4 + ebx')).toBe('ebx esi 4 4');
    expect(ea('eax*2')).toBe('eax eax 1 0');
    expect(ea('eax*3')).toBe('eax eax 2 0');
    expect(ea('eax*5')).toBe('eax eax 4 0');
    expect(ea('eax*9')).toBe('eax eax 8 0');
    expect(ea('eax*4')).toBe('- eax 4 0');
    expect(ea('eax*2', true)).toBe('- eax 2 0');
    expect(ea('ebx - ebx + 5')).toBe('- - 1 5');
    expect(ea('2 * (eax + 4)')).toBe('eax eax 1 8');
    expect(ea('bp + di - 4')).toBe('bp di 1 -4');
    expect(ea('a + bx')).toBe(`bx - 1 ${0x7c10}`);
  });

  it('rejects impossible combinations', () => {
    expect(() => ea('eax + ebx + ecx')).toThrow('too many registers');
    expect(() => ea('eax*2 + ebx*4')).toThrow('two index registers');
    expect(() => ea('eax*6')).toThrow('impossible scale');
    expect(() => ea('-eax')).toThrow('invalid effective address');
    expect(() => ea('eax * ebx')).toThrow();
  });

  it('does not know rip as a register, as nasm does not', () => {
    expect(registerByName('rip')).toBeDefined();
    expect(() => ea('rip + 5')).toThrow("symbol `rip' not defined");
  });
});
