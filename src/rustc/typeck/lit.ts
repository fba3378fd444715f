// Literals: integer literals take their type from the suffix, the expectation (as rustc's
// check_lit does, including the cast rules: `0xb8000 as *mut u8` makes the literal a usize) or
// a fresh `{integer}` variable; strings and byte strings are references to constant bytes.
import type { Lit } from '../lexer/token.ts';
import type { Span } from '../span/span.ts';
import type { ConstValue, Expr } from '../thir/thir.ts';
import { BOOL, CHAR, ERROR_TY, INT_TYS, type IntTy, STR, type Ty } from '../thir/ty.ts';
import type { Expect, FnCx } from './fncx.ts';

export function parseIntLit(symbol: string): bigint | undefined {
  const s = symbol.replace(/_/g, '');
  try {
    if (/^0[xob]/.test(s)) return BigInt(s);
    if (/^[0-9]+$/.test(s)) return BigInt(s);
  } catch {
    return undefined;
  }
  return undefined;
}

/** The integer type a literal takes from an expectation, if any. */
function intFromExpect(fcx: FnCx, exp: Expect): Ty | undefined {
  if (!exp.ty) return undefined;
  const t = fcx.shallow(exp.ty);
  if (t.kind === 'int') return t;
  if (t.kind === 'infer' && t.intVar) return t;
  // rustc's check_lit: `let c: char = 65` makes 65 a u8 (then a mismatch), a pointer a usize.
  if (t.kind === 'char') return { kind: 'int', int: 'u8' };
  if (t.kind === 'ptr' || t.kind === 'fnPtr' || t.kind === 'fnDef') return { kind: 'int', int: 'usize' };
  return undefined;
}

export function strValue(text: string): ConstValue {
  const bytes = new TextEncoder().encode(text);
  return { kind: 'ref', to: { kind: 'bytes', bytes }, len: bytes.length };
}

export function byteStrBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

export function checkLit(fcx: FnCx, lit: Lit, span: Span, exp: Expect): Expr {
  const mk = (value: ConstValue, ty: Ty): Expr => fcx.expr({ kind: 'lit', value }, ty, span);
  switch (lit.kind) {
    case 'int': {
      const v = parseIntLit(lit.symbol);
      if (lit.suffix === 'f32' || lit.suffix === 'f64') {
        fcx.cx.unsupported('floating-point numbers', span);
        return fcx.errorExpr(span);
      }
      let ty: Ty;
      if (lit.suffix) {
        if (!INT_TYS.includes(lit.suffix as IntTy)) return fcx.errorExpr(span); // the parser reported it
        ty = { kind: 'int', int: lit.suffix as IntTy };
      } else ty = intFromExpect(fcx, exp) ?? fcx.infer.fresh(true);
      return mk({ kind: 'scalar', value: v ?? 0n }, ty);
    }
    case 'float':
      fcx.cx.unsupported('floating-point numbers', span);
      return fcx.errorExpr(span);
    case 'bool':
      return mk({ kind: 'scalar', value: lit.symbol === 'true' ? 1n : 0n }, BOOL);
    case 'char':
      return mk({ kind: 'scalar', value: BigInt(lit.value.codePointAt(0) ?? 0) }, CHAR);
    case 'byte':
      return mk({ kind: 'scalar', value: BigInt((lit.value.charCodeAt(0) ?? 0) & 0xff) }, { kind: 'int', int: 'u8' });
    case 'str':
    case 'rawStr':
      return mk(strValue(lit.value), { kind: 'ref', mut: false, to: STR });
    case 'byteStr':
    case 'rawByteStr': {
      const bytes = byteStrBytes(lit.value);
      return mk({ kind: 'ref', to: { kind: 'bytes', bytes } }, { kind: 'ref', mut: false, to: { kind: 'array', elem: { kind: 'int', int: 'u8' }, len: bytes.length } });
    }
    case 'cStr':
    case 'rawCStr':
      fcx.cx.unsupported('C string literals', span);
      return fcx.errorExpr(span);
    default:
      return { kind: 'error', ty: ERROR_TY, span };
  }
}
