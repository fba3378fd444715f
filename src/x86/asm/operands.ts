// From parsed operands to the encoder's operands, on each pass: evaluate expressions, turn
// the plain numeric operand of a branch into a `rel` target, and split an effective address
// into base, index, scale and displacement the way NASM's parser does.
import type { Register } from '../registers.ts';
import type { MemOperand, Operand, OpSize } from '../types.ts';
import { EvalError, type Evaluator, type RegTerm } from './expr.ts';
import type { OperandAst } from './parser.ts';

export interface OperandContext {
  readonly bits: 16 | 32 | 64;
  /** Address of the instruction, used as a stand-in target while a branch target is unknown. */
  readonly address: bigint;
  readonly defaultRel: boolean;
  readonly branch: boolean;
  /** Growth-only passes: ask for the long forms so that sizes cannot shrink back. */
  readonly pessimistic: boolean;
  /** `jmp far [x]`: a size keyword names the offset, the operand is the whole pointer. */
  readonly far?: boolean;
}

function opSize(n: number | undefined): OpSize | undefined {
  if (n === undefined) return undefined;
  if (n === 1 || n === 2 || n === 4 || n === 6 || n === 8 || n === 10 || n === 16) return n;
  throw new EvalError(`operand size of ${n * 8} bits is not supported`);
}

export function buildOperand(ast: OperandAst, ev: Evaluator, ctx: OperandContext): Operand {
  switch (ast.kind) {
    case 'reg':
      return { kind: 'reg', reg: ast.reg };
    case 'imm': {
      ev.unknown = false;
      const v = ev.evalAbs(ast.expr);
      const reloc = ev.sec !== null;
      const known = !ev.unknown;
      if (ctx.branch) {
        const dist = ctx.pessimistic && ast.dist === undefined ? 'near' : ast.dist;
        // `jmp word x`: the operand size (the encoder takes the near form for it; `byte` and
        // sizes on conditional jumps are a mismatch there).
        const relSize = ast.size as 2 | 4 | 8 | undefined;
        return {
          kind: 'rel', target: known ? v : ctx.address, known,
          ...(dist && { dist }), ...(ast.strict && { strict: true }), ...(relSize !== undefined && { size: relSize }),
        };
      }
      const size = opSize(ast.size);
      return {
        kind: 'imm', value: v, known: known && !reloc && !ctx.pessimistic,
        ...(size !== undefined && { size }), ...(ast.strict && { strict: true }),
      };
    }
    case 'far': {
      ev.unknown = false;
      const sel = ev.evalAbs(ast.selector);
      const off = ev.evalAbs(ast.offset);
      const size = opSize(ast.size);
      return {
        kind: 'far', selector: Number(BigInt.asUintN(16, sel)), offset: off, known: !ev.unknown,
        ...(size !== undefined && { size }),
      };
    }
    case 'mem':
      return buildMemory(ast, ev, ctx);
  }
}

function buildMemory(ast: Extract<OperandAst, { kind: 'mem' }>, ev: Evaluator, ctx: OperandContext): MemOperand {
  ev.unknown = false;
  const lf = ev.linear(ast.expr);
  const disp = ev.absolute(lf.disp, lf.sec);
  const reloc = lf.sec !== null;
  const known = !ev.unknown;
  let split: ReturnType<typeof chooseBaseIndex>;
  try {
    split = chooseBaseIndex(lf.terms, ast.nosplit === true);
  } catch (e) {
    // NASM reports these in the first pass that meets them, in its general words except for
    // "too many registers" and "two index registers".
    if (!(e instanceof EvalError)) throw e;
    throw new EvalError(/too many registers|two index registers/.test(e.message) ? e.message : `invalid ${ctx.bits}-bit effective address`, true);
  }
  const { base, index, scale } = split;
  // RIP-relative displacements are always 4 bytes and the encoder needs the real target.
  // A plain number is an absolute address even under `rel` (NASM: [rel 0x1000] is [0x1000]).
  const wantsRel = ast.rel === true || (ast.rel === undefined && ctx.defaultRel && ast.seg?.name !== 'fs' && ast.seg?.name !== 'gs');
  const address = reloc || !known; // a value not known yet is taken to be a label
  const ripRelative = ctx.bits === 64 && !base && !index && wantsRel && address;
  const rel = ctx.bits === 64 && !base && !index && wantsRel && !address ? false : ast.rel;
  const dispKnown = ripRelative ? known : known && !reloc && !ctx.pessimistic;
  // A number under `rel` stays a 32-bit absolute address: NASM ignores `qword` on it (with a
  // warning) instead of taking the 64-bit moffs form.
  const dispSize = rel === false && wantsRel && ast.dispSize === 8 ? undefined : ast.dispSize;
  // With `far`, `word`/`dword`/`qword` give the offset's size: the pointer has 2 more bytes.
  const size = opSize(ast.size !== undefined && ctx.far ? ast.size + 2 : ast.size);
  return {
    kind: 'mem', scale, disp, dispKnown,
    ...(size !== undefined && { size }),
    ...(ast.seg && { seg: ast.seg }),
    ...(base && { base }),
    ...(index && { index }),
    ...(dispSize && { dispSize }),
    ...(ast.nosplit && { nosplit: true }),
    ...(rel !== undefined && { rel }),
  };
}

const SCALES = new Set([1n, 2n, 4n, 8n]);

/**
 * NASM's choice of base and index: a register with coefficient 1 is a base, others are
 * indexes; with two plain registers the first written is the base unless it was multiplied
 * explicitly (`[eax*1+ebx]`). A lone `reg*2`, `*3`, `*5`, `*9` becomes base+index (unless
 * `nosplit`), saving the 32-bit displacement that an index without a base needs.
 */
export function chooseBaseIndex(
  all: readonly RegTerm[], nosplit: boolean,
): { base?: Register; index?: Register; scale: 1 | 2 | 4 | 8 } {
  const terms = all.filter((t) => t.coef !== 0n);
  if (terms.length > 2) throw new EvalError('invalid effective address: too many registers');
  for (const t of terms) if (t.coef < 0n) throw new EvalError('invalid effective address');
  if (terms.length === 0) return { scale: 1 };
  if (terms.length === 1) {
    const { reg, coef, multiplied } = terms[0];
    if (coef === 1n && !(nosplit && multiplied)) return { base: reg, scale: 1 };
    if (!nosplit && (coef === 2n || coef === 3n || coef === 5n || coef === 9n)) {
      return { base: reg, index: reg, scale: Number(coef - 1n) as 1 | 2 | 4 | 8 };
    }
    if (!SCALES.has(coef)) throw new EvalError('invalid effective address: impossible scale');
    return { index: reg, scale: Number(coef) as 1 | 2 | 4 | 8 };
  }
  const [a, b] = terms;
  let base: RegTerm;
  let index: RegTerm;
  if (a.coef === 1n && b.coef === 1n) {
    [base, index] = a.multiplied ? [b, a] : [a, b];
  } else if (a.coef === 1n) {
    [base, index] = [a, b];
  } else if (b.coef === 1n) {
    [base, index] = [b, a];
  } else {
    throw new EvalError('invalid effective address: two index registers');
  }
  if (!SCALES.has(index.coef)) throw new EvalError('invalid effective address: impossible scale');
  return { base: base.reg, index: index.reg, scale: Number(index.coef) as 1 | 2 | 4 | 8 };
}
