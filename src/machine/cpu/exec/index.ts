// The execution function of every form in the src/x86 table, chosen by mnemonic (and, for
// mov, by operand kinds), and whether the decoded block ends after it. Built at module load
// from FORMS, so rows added to the table are picked up; a mnemonic without an execution
// function raises #UD (listed by `unhandledMnemonics`).
import { FORMS } from '../../../x86/table/index.ts';
import type { Form } from '../../../x86/spec.ts';
import type { Cpu } from '../cpu.ts';
import type { Insn } from '../decoder.ts';
import * as alu from './alu.ts';
import * as bits from './bits.ts';
import * as flow from './flow.ts';
import * as move from './move.ts';
import * as muldiv from './muldiv.ts';
import * as shift from './shift.ts';
import * as stack from './stack.ts';
import * as str from './string.ts';
import * as sys from './system.ts';
import { sseExec } from './sse.ts';

export type Exec = (c: Cpu, i: Insn) => void;

const BY_MNEMONIC: Record<string, Exec> = {
  add: alu.addI, or: alu.orI, adc: alu.adcI, sbb: alu.sbbI, and: alu.andI, sub: alu.subI, xor: alu.xorI, cmp: alu.cmpI,
  test: alu.testI, inc: alu.incI, dec: alu.decI, not: alu.notI, neg: alu.negI,
  xchg: alu.xchgI, xadd: alu.xaddI, cmpxchg: alu.cmpxchgI, cmpxchg8b: alu.cmpxchg8bI, cmpxchg16b: alu.cmpxchg8bI,
  daa: alu.daaI, das: alu.dasI, aaa: alu.aaaI, aas: alu.aasI, aam: alu.aamI, aad: alu.aadI,
  mul: muldiv.mulI, imul: muldiv.imulI, div: muldiv.divI, idiv: muldiv.idivI,
  rol: shift.rolI, ror: shift.rorI, rcl: shift.rclI, rcr: shift.rcrI, shl: shift.shlI, sal: shift.shlI,
  shr: shift.shrI, sar: shift.sarI, shld: shift.shldI, shrd: shift.shrdI,
  bt: bits.btI, bts: bits.btsI, btr: bits.btrI, btc: bits.btcI, bsf: bits.bsfI, bsr: bits.bsrI,
  tzcnt: bits.tzcntI, lzcnt: bits.lzcntI, popcnt: bits.popcntI, bswap: bits.bswapI,
  movzx: move.movzxI, movsx: move.movsxI, movsxd: move.movsxdI, arpl: move.arplI, lea: move.leaI,
  cbw: move.cbwI, cwde: move.cbwI, cdqe: move.cbwI, cwd: move.cwdI, cdq: move.cwdI, cqo: move.cwdI,
  lahf: move.lahfI, sahf: move.sahfI,
  les: move.loadFarI, lds: move.loadFarI, lss: move.loadFarI, lfs: move.loadFarI, lgs: move.loadFarI,
  xlatb: move.xlatI, xlat: move.xlatI,
  push: stack.pushI, pop: stack.popI, enter: stack.enterI, leave: stack.leaveI,
  jmp: flow.jmpI, call: flow.callI, jcxz: flow.jcxzI, jecxz: flow.jcxzI, jrcxz: flow.jcxzI,
  loop: flow.loopI, loope: flow.loopI, loopz: flow.loopI, loopne: flow.loopI, loopnz: flow.loopI,
  ret: flow.retI, retn: flow.retI, retf: flow.retfI, retfq: flow.retfI,
  int3: flow.int3I, int: flow.intI, into: flow.intoI, int1: flow.int1I, icebp: flow.int1I, bound: flow.boundI,
  in: sys.inI, out: sys.outI, hlt: sys.hltI, cmc: sys.cmcI, clc: sys.clcI, stc: sys.stcI, cli: sys.cliI, sti: sys.stiI,
  cld: sys.cldI, std: sys.stdI, salc: sys.salcI, nop: sys.nopI, pause: sys.nopI,
  // CET is not advertised: endbr is a hint no-op. RTM is not advertised: xbegin & co. are #UD (the default).
  endbr64: sys.nopI, endbr32: sys.nopI,
  ud2: sys.udI, ud1: sys.udI, ud0: sys.udI,
  // Not advertised by CPUID, so #UD as on a processor without them.
  xgetbv: sys.udI, xsetbv: sys.udI, monitor: sys.udI, mwait: sys.udI, clac: sys.udI, stac: sys.udI,
  cpuid: sys.cpuidI, rdtsc: sys.rdtscI, rdtscp: sys.rdtscpI, rdmsr: sys.rdmsrI, wrmsr: sys.wrmsrI, rdpmc: sys.rdpmcI,
  swapgs: sys.swapgsI, syscall: sys.syscallI, sysret: sys.sysretI, sysretq: sys.sysretI,
  sysenter: sys.sysenterI, sysexit: sys.sysexitI, sysexitq: sys.sysexitI,
  clts: sys.cltsI, invd: sys.invdI, wbinvd: sys.invdI, invlpg: sys.invlpgI,
  sgdt: sys.sgdtI, sidt: sys.sidtI, lgdt: sys.lgdtI, lidt: sys.lidtI, smsw: sys.smswI, lmsw: sys.lmswI,
  sldt: sys.sldtI, str: sys.strI, lldt: sys.lldtI, ltr: sys.ltrI, verr: sys.verrI, verw: sys.verwI,
  lar: sys.larI, lsl: sys.lslI,
};

/** Mnemonic families recognised by prefix or suffix. */
function lookup(f: Form): Exec | undefined {
  const m = f.mnemonic;
  // SSE forms (an XMM operand) first: movsd is also the string move.
  if (f.ops.some((k) => k === 'x' || k === 'Rx' || k.startsWith('rmx'))) return sseExec(m, f.ops);
  if (m === 'mov') {
    if (f.ops.includes('sreg')) return move.movSregI;
    if (f.ops.includes('cr')) return move.movCrI;
    if (f.ops.includes('dr')) return move.movDrI;
    return move.movI;
  }
  const direct = BY_MNEMONIC[m];
  if (direct) return direct;
  if (m.startsWith('cmov')) return move.cmovI;
  if (m.startsWith('set')) return move.setccI;
  if (/^j/.test(m) && f.ops[0]?.startsWith('rel')) return flow.jccI;
  if (/^pusha[wd]?$/.test(m)) return stack.pushaI;
  if (/^popa[wd]?$/.test(m)) return stack.popaI;
  if (/^pushf[wdq]?$/.test(m)) return stack.pushfI;
  if (/^popf[wdq]?$/.test(m)) return stack.popfI;
  if (/^iret[wdq]?$/.test(m)) return flow.iretI;
  const s = /^(movs|cmps|stos|lods|scas|ins|outs)[bwdq]$/.exec(m);
  if (s) return ({ movs: str.movsI, cmps: str.cmpsI, stos: str.stosI, lods: str.lodsI, scas: str.scasI, ins: str.insI, outs: str.outsI } as Record<string, Exec>)[s[1]];
  return undefined;
}

/** Instructions after which the decoded block ends. */
const ENDS_PREFIX = /^(j|call|ret|loop|iret|sys|popf|ins[bwd]$|outs[bwd]$|ud)/;
const ENDS_EXACT = new Set(['int', 'int3', 'int1', 'into', 'icebp', 'hlt', 'sti', 'lmsw', 'clts', 'wrmsr', 'invlpg', 'in', 'out', 'bound', 'swapgs']);
const ENDS = { test: (m: string) => ENDS_PREFIX.test(m) || ENDS_EXACT.has(m) };

const unhandled = new Set<string>();
export const FORM_EXEC: Exec[] = [];
export const FORM_ENDS = new Uint8Array(FORMS.length);
for (const f of FORMS) {
  let fn = lookup(f);
  if (!fn) { unhandled.add(f.mnemonic); fn = sys.udI; }
  FORM_EXEC[f.index] = fn;
  const movSpecial = (f.mnemonic === 'mov' && (f.ops.includes('cr') || f.ops[0] === 'sreg')) || (f.mnemonic === 'pop' && f.ops[0] === 'ss');
  FORM_ENDS[f.index] = ENDS.test(f.mnemonic) || movSpecial || f.ops.includes('ptr16') || f.ops.includes('ptr32') ? 1 : 0;
}

/** Mnemonics in the table that this CPU does not execute (they raise #UD). */
export function unhandledMnemonics(): string[] {
  return [...unhandled];
}
