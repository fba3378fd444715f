// Symbolic flags for the block compiler. An inline flag-setting operation does not store
// anything: it leaves a FlagState naming the generated locals that hold its operands and
// result. The state is written to the CPU (the lazy-flag record of state.ts, or EFLAGS bits
// for shifts) only where something could read it: before a called function (it may read the
// flags or fault, and a fault pushes RFLAGS), at a block or loop exit, and for a condition
// that cannot be computed from the locals. A jcc after an inline operation tests the locals
// directly; so does inc/dec for the carry it keeps.

/** What the last inline flag setter left, as names of generated locals ('0' for a 32-bit high half). */
export type FlagState =
  /** Size 1 (cmp/test of a byte): operands and result are bytes (0..255), the high halves '0'. */
  | { kind: 'add' | 'sub'; size: 1 | 4 | 8; a: string; aH: string; b: string; bH: string; v: string; vH: string }
  | { kind: 'logic'; size: 1 | 4 | 8; v: string; vH: string }
  /** inc/dec: like add/sub of 1, CF kept (in `cf`, 0 or 1). */
  | { kind: 'incdec'; size: 4 | 8; dec: boolean; a: string; aH: string; v: string; vH: string; cf: string }
  /** shl/shr/sar by a nonzero constant: all six arithmetic flags set eagerly (cf, of: 0 or 1). */
  | { kind: 'shift'; size: 4 | 8; v: string; vH: string; cf: string; of: string }
  /** imul (2/3 operands): CF = OF = the expression `ovf` (the product did not fit), SF/ZF/PF of the result. */
  | { kind: 'mul'; size: 4 | 8; v: string; vH: string; ovf: string };

/** Code that makes the CPU's flag state what `f` describes (as the execution functions would leave it). */
export function storeFlags(f: FlagState | null): string {
  if (f === null) return '';
  switch (f.kind) {
    case 'add': case 'sub':
      return `c.fOp = ${f.kind === 'add' ? 1 : 2}; c.fSize = ${f.size}; c.fKeepCF = false; c.fA = ${f.a}; c.fAH = ${f.aH}; ` +
        `c.fB = ${f.b}; c.fBH = ${f.bH}; c.fR = ${f.v}; c.fRH = ${f.vH}; c.fCin = 0;\n`;
    case 'logic':
      return `c.fOp = 3; c.fSize = ${f.size}; c.fKeepCF = false; c.fR = ${f.v}; c.fRH = ${f.vH};\n`;
    case 'incdec':
      return `c.flags = (c.flags & ~1) | ${f.cf}; c.fOp = ${f.dec ? 2 : 1}; c.fSize = ${f.size}; c.fKeepCF = true; ` +
        `c.fA = ${f.a}; c.fAH = ${f.aH}; c.fB = 1; c.fBH = 0; c.fR = ${f.v}; c.fRH = ${f.vH}; c.fCin = 0;\n`;
    case 'shift':
      return `c.flags = (c.flags & ~0x8d5) | ${f.cf} | (${f.of} ? 0x800 : 0) | P[${f.v} & 0xff] | (${zero(f)} ? 0x40 : 0) | (${sign(f)} ? 0x80 : 0); c.fOp = 0;\n`;
    case 'mul':
      return `c.flags = (c.flags & ~0x8d5) | (${f.ovf} ? 0x801 : 0) | P[${f.v} & 0xff] | (${zero(f)} ? 0x40 : 0) | (${sign(f)} ? 0x80 : 0); c.fOp = 0;\n`;
  }
}

function zero(f: { size: 1 | 4 | 8; v: string; vH: string }): string {
  return f.size === 8 ? `((${f.v} | ${f.vH}) === 0)` : `(${f.v} === 0)`;
}
function sign(f: { size: 1 | 4 | 8; v: string; vH: string }): string {
  return f.size === 8 ? `(${f.vH} < 0)` : f.size === 1 ? `((${f.v} & 0x80) !== 0)` : `(${f.v} < 0)`;
}
/** Unsigned a < b of two int32 pairs (or of two int32 at size 4). */
function below(size: 1 | 4 | 8, a: string, aH: string, b: string, bH: string): string {
  return size === 8
    ? `((${aH} >>> 0) < (${bH} >>> 0) || (${aH} === ${bH} && (${a} >>> 0) < (${b} >>> 0)))`
    : `((${a} >>> 0) < (${b} >>> 0))`;
}
/** Signed a < b. */
function less(size: 1 | 4 | 8, a: string, aH: string, b: string, bH: string): string {
  if (size === 1) return `(((${a} << 24) >> 24) < ((${b} << 24) >> 24))`;
  return size === 8
    ? `(${aH} < ${bH} || (${aH} === ${bH} && (${a} >>> 0) < (${b} >>> 0)))`
    : `(${a} < ${b})`;
}

/** CF of a state as a boolean expression (null: the CPU's flags hold the state). */
function carry(f: FlagState): string {
  switch (f.kind) {
    case 'add': return below(f.size, f.v, f.vH, f.a, f.aH);      // the sum wrapped below an operand
    case 'sub': return below(f.size, f.a, f.aH, f.b, f.bH);
    case 'logic': return 'false';
    case 'incdec': case 'shift': return `(${f.cf} !== 0)`;
    case 'mul': return `(${f.ovf})`;
  }
}

/** CF as 0 or 1, for inc/dec (which keeps it): from the state, or read from the CPU when null. */
export function carryBit(f: FlagState | null): string {
  if (f === null) return 'c.getCF()';
  if (f.kind === 'logic') return '0';
  if (f.kind === 'incdec' || f.kind === 'shift') return f.cf;
  if (f.kind === 'mul') return `(${f.ovf} ? 1 : 0)`;
  return `(${carry(f)} ? 1 : 0)`;
}

function overflow(f: FlagState): string {
  const hi = f.size === 8;
  if (f.size === 1 && f.kind === 'add') return `((((${f.a} ^ ${f.v}) & (${f.b} ^ ${f.v})) & 0x80) !== 0)`;
  if (f.size === 1 && f.kind === 'sub') return `((((${f.a} ^ ${f.b}) & (${f.a} ^ ${f.v})) & 0x80) !== 0)`;
  switch (f.kind) {
    case 'add': return hi ? `(((${f.aH} ^ ${f.vH}) & (${f.bH} ^ ${f.vH})) < 0)` : `(((${f.a} ^ ${f.v}) & (${f.b} ^ ${f.v})) < 0)`;
    case 'sub': return hi ? `(((${f.aH} ^ ${f.bH}) & (${f.aH} ^ ${f.vH})) < 0)` : `(((${f.a} ^ ${f.b}) & (${f.a} ^ ${f.v})) < 0)`;
    case 'logic': return 'false';
    case 'incdec':
      // inc overflows into 0x80..0, dec out of it (to 0x7f..f).
      if (!f.dec) return hi ? `(${f.vH} === -2147483648 && ${f.v} === 0)` : `(${f.v} === -2147483648)`;
      return hi ? `(${f.vH} === 2147483647 && ${f.v} === -1)` : `(${f.v} === 2147483647)`;
    case 'shift': return `(${f.of} !== 0)`;
    case 'mul': return `(${f.ovf})`;
  }
}

/** Condition code cc (opcode & 15) computed from the state's locals. */
export function condition(cc: number, f: FlagState): string {
  let base: string;
  const z = zero(f), s = sign(f);
  switch (cc >> 1) {
    case 0: base = overflow(f); break;
    case 1: base = carry(f); break;
    case 2: base = z; break;
    case 3: base = `(${carry(f)} || ${z})`; break;
    case 4: base = s; break;
    case 5: base = `(P[${f.v} & 0xff] !== 0)`; break;
    case 6: base = f.kind === 'sub' ? less(f.size, f.a, f.aH, f.b, f.bH) : f.kind === 'logic' ? s : `(${s} !== ${overflow(f)})`; break;
    default: base = f.kind === 'sub' ? `(${less(f.size, f.a, f.aH, f.b, f.bH)} || ${z})`
      : f.kind === 'logic' ? `(${z} || ${s})` : `(${z} || ${s} !== ${overflow(f)})`;
  }
  return (cc & 1) ? `!${base}` : base;
}
