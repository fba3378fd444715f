// Every register the assembler can name and the decoder can produce, described once.
// `num` is the 4-bit register number used in ModRM/SIB/REX (0-15); `size` is in bytes.

export type RegClass =
  | 'gpr8'     // al cl dl bl, and with REX: spl bpl sil dil r8b-r15b
  | 'gpr8hi'   // ah ch dh bh (only without REX)
  | 'gpr16'
  | 'gpr32'
  | 'gpr64'
  | 'seg'
  | 'cr'
  | 'dr'
  | 'ip'       // rip/eip: only as a base for RIP-relative memory operands
  | 'xmm';     // xmm0-xmm15 (SSE)

export interface Register {
  readonly name: string;
  readonly cls: RegClass;
  readonly num: number;
  readonly size: number;
  /** spl/bpl/sil/dil and r8-r15 in any size: encodable only with a REX prefix. */
  readonly needsRex: boolean;
}

const byName = new Map<string, Register>();
/** Lookup tables indexed by register number, one per class. */
export const regsByClass: Record<RegClass, Register[]> = {
  gpr8: [], gpr8hi: [], gpr16: [], gpr32: [], gpr64: [], seg: [], cr: [], dr: [], ip: [], xmm: [],
};

function add(name: string, cls: RegClass, num: number, size: number, needsRex = false): void {
  const r: Register = Object.freeze({ name, cls, num, size, needsRex });
  byName.set(name, r);
  regsByClass[cls][num] = r;
}

const LEGACY8 = ['al', 'cl', 'dl', 'bl'];
const LEGACY16 = ['ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di'];
LEGACY8.forEach((n, i) => add(n, 'gpr8', i, 1));
['spl', 'bpl', 'sil', 'dil'].forEach((n, i) => add(n, 'gpr8', i + 4, 1, true));
['ah', 'ch', 'dh', 'bh'].forEach((n, i) => add(n, 'gpr8hi', i + 4, 1));
LEGACY16.forEach((n, i) => {
  add(n, 'gpr16', i, 2);
  add('e' + n, 'gpr32', i, 4);
  add('r' + n, 'gpr64', i, 8);
});
for (let i = 8; i < 16; i++) {
  add(`r${i}b`, 'gpr8', i, 1, true);
  add(`r${i}w`, 'gpr16', i, 2, true);
  add(`r${i}d`, 'gpr32', i, 4, true);
  add(`r${i}`, 'gpr64', i, 8, true);
}
['es', 'cs', 'ss', 'ds', 'fs', 'gs'].forEach((n, i) => add(n, 'seg', i, 2));
for (let i = 0; i < 16; i++) {
  add(`cr${i}`, 'cr', i, 8, i >= 8);
  add(`dr${i}`, 'dr', i, 8, i >= 8);
}
for (let i = 0; i < 16; i++) add(`xmm${i}`, 'xmm', i, 16, i >= 8);
add('rip', 'ip', 0, 8);
add('eip', 'ip', 1, 4);

/** Aliases NASM accepts: r8l..r15l mean r8b..r15b. */
for (let i = 8; i < 16; i++) byName.set(`r${i}l`, byName.get(`r${i}b`)!);

export function registerByName(name: string): Register | undefined {
  return byName.get(name.toLowerCase());
}

/** The general-purpose register of `size` bytes with number `num` (8-bit: the REX form for 4-7). */
export function gpr(size: number, num: number): Register {
  const cls: RegClass = size === 1 ? 'gpr8' : size === 2 ? 'gpr16' : size === 4 ? 'gpr32' : 'gpr64';
  return regsByClass[cls][num];
}

export function isGpr(r: Register): boolean {
  return r.cls === 'gpr8' || r.cls === 'gpr8hi' || r.cls === 'gpr16' || r.cls === 'gpr32' || r.cls === 'gpr64';
}
