// Maps GNU objdump's Intel syntax (`objdump -M intel`, binutils 2.40) to the NASM syntax our
// printer (format.ts) writes, so the oracle suite can compare the two texts. Every rule is a
// mapping between the two spellings of the same thing, never an exception for one
// instruction; where objdump's text cannot say what NASM's must (near vs far m16:16), the
// rule reads the instruction's bytes, and says so.
//
// The rules, in the order applied:
//
//  1. `(bad)` anywhere, `.byte`, or a `?` operand (objdump's name for segment register 6/7)
//     → `(bad)`: objdump found the encoding invalid; our decoder says `invalid`.
//  2. A line of prefix names only (`rex.W`, `data16 rex.W`, fourteen `repz`) → `(bad)`:
//     prefixes objdump did not attach to an instruction (a REX followed by another
//     prefix, or more prefixes than it reads); we list them as data (`db`).
//  3. `[rip+D]  # T` and `[eip+D]  # T` → `[rel T]`: NASM writes RIP-relative operands by
//     their target. Other `# ...` comments are dropped.
//  4. Prefix words objdump prints in front of the mnemonic for prefixes that change nothing
//     it shows: `data16`/`data32`, `rex`/`rex.WRXB`, segment names (`ds mov ...`: ignored in
//     64-bit code, or on instructions without a memory operand), `bnd`, `notrack`,
//     `xacquire`/`xrelease`, and `rep`/`repz`/`repnz` on anything but a string
//     instruction, are dropped (our printer does not show ignored prefixes). `lock` stays.
//     `addr16`/`addr32` become `a16`/`a32` where NASM needs them (loop, or a memory operand
//     whose address shows no register); elsewhere the registers show the address size.
//     objdump does not always print them for a register-free address (`les edi,FWORD PTR
//     ds:0xbd90` after 67): there the 67 prefix is read from the bytes.
//  5. String instructions are written with their operands by objdump and with a size
//     suffix by NASM: `rep movs DWORD PTR es:[rdi],DWORD PTR fs:[rsi]` → `rep fs movsd`
//     (segment override on the source, `a32`/`a16` when the registers are not the mode's);
//     `xlat BYTE PTR ds:[rbx]` → `xlatb`; `repz`/`repnz` → `repe`/`repne`.
//  6. `movabs` → `mov` (NASM picks the 64-bit immediate / moffs form by value and size).
//  6b. SSE compare pseudo-ops (`cmpltps x,y`, `cmpunordsd x,y`) → the compare with its
//     predicate as an immediate (`cmpps x, y, 0x1`), which NASM also takes.
//  7. objdump's operand-size suffix on a mnemonic NASM does not have (`callw`, `jmpw`,
//     `retw`, `pushw`, `enterw`, `sysretd`, ...), or whose plain form takes that size from a
//     prefix in the table (`retfq` = `o64 retf`) → `o16`/`o32`/`o64` prefix, only when that
//     size is not the mode's default for the instruction; likewise `data16`/`data32` before
//     such an instruction without operands (`data32 sysret` = `o32 sysret` in 16-bit code).
//  8. `SIZE PTR` → NASM's size keyword (`BYTE PTR` → `byte`, `XMMWORD` → `oword`, ...), then
//     kept only where NASM needs it, by the rule our printer follows: no other operand is a
//     register, or a register (other than a segment register or a shift count in cl)
//     differs in size from the memory operand, and not by exactly the 2 bytes of a far
//     pointer's selector. Operands that are an address only (lea, invlpg, lgdt ...: kind
//     `m` in the table) and far-pointer loads (les/lds/lss/lfs/lgs) take no size at all
//     (objdump also ignores REX.W on the latter: `lss rax,FWORD PTR`). SSE's cmpsd takes no
//     size either: NASM refuses one there (the name is also the string compare's).
//  9. Far indirect call/jmp: objdump writes `call FWORD PTR [x]` (m16:32), `call DWORD PTR [x]`
//     for m16:16 (the same text as a near call through a 32-bit pointer: the ModRM reg
//     field, 3 or 5, tells them apart, so this rule reads the bytes) and `rex.W call FWORD
//     PTR [x]` for m16:64 (objdump follows AMD, which ignores REX.W there; NASM and Intel
//     read m16:64) → `call far word/dword/qword [x]` (NASM sizes a far pointer by its offset).
// 10. Memory operands: `SEG:[...]` → `[SEG:...]`; objdump's absolute form `SEG:ADDR`
//     → `[ADDR]` for ds (objdump always names ds there, prefix or not) or `[SEG:ADDR]`;
//     the SIB "no index" pseudo-registers `eiz`/`riz` are dropped; `REG*1` → `REG`; a zero
//     displacement `+0x0` is dropped.
// 11. Operands are separated by `, ` (objdump: `,`); the implicit count of the shift-by-one
//     forms, which objdump writes `1`, is a number like any other (`0x1`).
//     (9b) A direct far call/jmp (`call 0x10:0x1000`) does not show its offset size in
//     objdump's text either; a 66 prefix in the bytes makes it NASM's `word`/`dword`.
// 12. In 16-bit code objdump computes near branch targets in 32 bits (`jmp 0xffffff82`,
//     `jmp 0x10012`); IP wraps at 64 KiB, and NASM and the decoder give the wrapped target:
//     the normaliser takes 16-bit targets modulo 0x10000. objdump also ignores a 66 prefix on
//     a short branch in 32-bit code (`data16 ja 0x103ab`), where the target is truncated to
//     16 bits; and it does not wrap an eip-relative target (`[eip+D]  # T`) at 32 bits.
// 13. `xchg ax,ax`, `nop WORD PTR cs:[rax+rax*1+0x0]` ... need no rule of their own: they
//     follow from the above.
//
// canonical() is applied to both texts before they are compared: it removes displacement-
// size keywords inside brackets (`[byte rax+0x10]`, `[dword ebx+0x4]`, `[qword 0x1000]`),
// which NASM needs to reproduce an encoding but objdump's text does not show (its length
// comparison checks them instead); and it puts the two registers of `xchg r, r` in one
// order (the exchange is symmetric; NASM's order is the one that reproduces the encoding,
// objdump's follows ModRM r/m, reg).
import { FORMS } from './table/index.ts';
import { registerByName } from './registers.ts';
import type { Bits } from './types.ts';

const SIZE_WORDS: Record<string, string> = {
  BYTE: 'byte', WORD: 'word', DWORD: 'dword', QWORD: 'qword', TBYTE: 'tword', XMMWORD: 'oword', OWORD: 'oword',
  FWORD: 'fword', YMMWORD: 'yword', ZMMWORD: 'zword',
};
const SIZE_BYTES: Record<string, number> = { byte: 1, word: 2, dword: 4, fword: 6, qword: 8, tword: 10, oword: 16 };

const PREFIX_WORD = /^(data16|data32|addr16|addr32|rex(\.[WRXB]+)?|cs|ds|es|ss|fs|gs|bnd|notrack|xacquire|xrelease|lock|rep|repz|repnz|repe|repne)$/;

const MNEMONICS = new Set(FORMS.map((f) => f.mnemonic));
const DEFAULT64 = new Set(FORMS.filter((f) => f.default64).map((f) => f.mnemonic));
/** Mnemonics whose memory operand is an address only (no data size). */
const ADDRESS_ONLY = new Set(
  [...MNEMONICS].filter((m) => {
    const forms = FORMS.filter((f) => f.mnemonic === m && f.ops.some((k) => k[0] === 'm' && !k.startsWith('moffs')));
    return forms.length > 0 && forms.every((f) => f.ops.every((k) => !(k[0] === 'm' && !k.startsWith('moffs')) || k === 'm' || k === 'mdesc'));
  }),
);
/** `mnemonic/osize` for mnemonics whose operand size an o16/o32/o64 prefix sets (retf, sysret). */
const SIZED_BY_PREFIX = new Set(FORMS.filter((f) => f.osize !== 0 && f.ops.length <= 1 && !f.decodeOnly).map((f) => `${f.mnemonic}/${f.osize}`));
const FAR_LOADS = new Set(['les', 'lds', 'lss', 'lfs', 'lgs']);
const STRING_OPS = new Set(['movs', 'cmps', 'stos', 'lods', 'scas', 'ins', 'outs']);
/** Mnemonics with a count in cl (shl x, cl): that cl says nothing about the operand size. */
const CL_COUNT = new Set(FORMS.filter((f) => f.ops[f.ops.length - 1] === 'cl').map((f) => f.mnemonic));
const LOOPS = new Set(['loop', 'loope', 'loopne', 'loopz', 'loopnz']);
export const SSE_PREDICATES = ['eq', 'lt', 'le', 'unord', 'neq', 'nlt', 'nle', 'ord'];
const SSE_COMPARE = /^cmp(eq|lt|le|unord|neq|nlt|nle|ord)(ps|pd|ss|sd)$/;

export interface NormalizeContext {
  readonly bits: Bits;
  /** The instruction's bytes (only rule 9 reads them). */
  readonly bytes?: Uint8Array;
}

function regSize(name: string): number | undefined {
  const r = registerByName(name);
  if (!r || (r.cls !== 'gpr8' && r.cls !== 'gpr8hi' && r.cls !== 'gpr16' && r.cls !== 'gpr32' && r.cls !== 'gpr64' && r.cls !== 'xmm')) return undefined;
  return r.size;
}

function splitOperands(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of s) {
    if (c === '[' || c === '(') depth++;
    if (c === ']' || c === ')') depth--;
    if (c === ',' && depth === 0) { out.push(cur.trim()); cur = ''; } else cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** Rule 10 on one memory operand (without its size): returns `[...]` in NASM syntax. */
function memory(op: string): string {
  let seg = '';
  let m = /^(cs|ds|es|ss|fs|gs):(.*)$/.exec(op);
  let rest = op;
  if (m) { seg = m[1]; rest = m[2]; }
  if (!rest.startsWith('[')) {
    // objdump's absolute form SEG:ADDR.
    return seg && seg !== 'ds' ? `[${seg}:${rest}]` : `[${rest}]`;
  }
  let inner = rest.slice(1, -1);
  const terms = inner.split(/(?=[+-])/).map((t) => t.trim()).filter(Boolean);
  const kept: string[] = [];
  for (let t of terms) {
    const sign = t[0] === '+' || t[0] === '-' ? t[0] : '+';
    const body = t[0] === '+' || t[0] === '-' ? t.slice(1) : t;
    if (/^[er]iz(\*\d)?$/.test(body)) continue;
    if (/^0x0+$/.test(body)) continue;
    t = body.replace(/\*1$/, '');
    kept.push(kept.length === 0 && sign === '+' ? t : sign + t);
  }
  inner = kept.join('');
  if (inner === '') inner = '0x0';
  // A lone displacement is an address: it wraps at the address size (eiz: 32, riz: 64 bits).
  if (/^-0x[0-9a-f]+$/.test(inner)) {
    const bits = /riz/.test(rest) ? 64n : 32n;
    inner = `0x${((1n << bits) - BigInt(inner.slice(1))).toString(16)}`;
  }
  return `[${seg ? seg + ':' : ''}${inner}]`;
}

/** objdump text → our NASM text (see the rules above). */
export function normalizeObjdump(text: string, ctx: NormalizeContext): string {
  let t = text.replace(/\s+/g, ' ').trim();
  // Rule 1.
  if (t.includes('(bad)') || t.startsWith('.byte') || /(^|[ ,])\?($|[ ,])/.test(t)) return '(bad)';
  // Rule 3.
  const comment = /\s*#\s*(0x[0-9a-f]+)\s*$/.exec(t);
  if (comment && /\[(?:rip|eip)[+-]0x[0-9a-f]+\]/.test(t)) {
    // (eip-relative: the target wraps at 32 bits, which objdump's comment does not do.)
    const target = /\[eip/.test(t) ? `0x${(BigInt(comment[1]) & 0xffffffffn).toString(16)}` : comment[1];
    t = t.replace(/\[(?:rip|eip)[+-]0x[0-9a-f]+\]/, `[rel ${target}]`);
  }
  t = t.replace(/\s*#.*$/, '');
  const words = t.split(' ');
  // Rule 2.
  if (words.every((w) => PREFIX_WORD.test(w))) return '(bad)';
  // Rule 4: prefix words.
  let i = 0;
  let lock = false;
  let rep = '';
  let addr = '';
  let rexW = false;
  let dataWord = 0;
  for (; i < words.length && PREFIX_WORD.test(words[i]); i++) {
    const w = words[i];
    if (w === 'lock') lock = true;
    else if (w === 'rep' || w === 'repz' || w === 'repe') rep = w === 'rep' ? 'rep' : 'repe';
    else if (w === 'repnz' || w === 'repne') rep = 'repne';
    else if (w === 'addr16' || w === 'addr32') addr = w === 'addr16' ? 'a16' : 'a32';
    else if (/^rex\.?W/.test(w)) rexW = true;
    else if (w === 'data16' || w === 'data32') dataWord = w === 'data16' ? 2 : 4;
  }
  let mnemonic = words[i] ?? '';
  const opText = words.slice(i + 1).join(' ');
  let operands = opText ? splitOperands(opText) : [];
  const pre: string[] = [];
  if (lock) pre.push('lock');

  // Rule 5: string instructions.
  const base = mnemonic;
  if (STRING_OPS.has(base) && operands.length > 0 || base === 'xlat') {
    let size = '';
    let seg = '';
    let areg = '';
    for (const op of operands) {
      const m = /^(?:(BYTE|WORD|DWORD|QWORD) PTR )?(?:(cs|ds|es|ss|fs|gs):)?\[(.*)\]$/.exec(op);
      if (!m) continue;
      if (m[1]) size = m[1];
      areg = m[3];
      const isSource = /si$|bx$/.test(m[3]);
      if (isSource && m[2] && m[2] !== 'ds') seg = m[2];
    }
    const suffix = base === 'xlat' ? 'b' : { BYTE: 'b', WORD: 'w', DWORD: 'd', QWORD: 'q' }[size] ?? '';
    if (rep && base !== 'xlat') pre.push(STRING_OPS.has(base) && (base === 'cmps' || base === 'scas') ? rep : rep === 'repe' ? 'rep' : rep);
    const asz = areg.length === 2 ? 2 : areg[0] === 'e' ? 4 : 8;
    if (asz !== (ctx.bits === 16 ? 2 : ctx.bits === 32 ? 4 : 8)) pre.push(`a${asz * 8}`);
    if (seg) pre.push(seg);
    return canonicalJoin(pre, base + suffix, []);
  }

  // Rule 6.
  if (mnemonic === 'movabs') mnemonic = 'mov';
  // Rule 6b: SSE compare pseudo-ops (cmpltps x, y) are the compare with its predicate as an
  // immediate (cmpps x, y, 0x1); NASM knows both, our printer writes the immediate.
  const pseudo = SSE_COMPARE.exec(mnemonic);
  if (pseudo) {
    mnemonic = `cmp${pseudo[2]}`;
    operands = [...operands, `0x${SSE_PREDICATES.indexOf(pseudo[1]).toString(16)}`];
  }
  // Rule 7.
  let osizeWord = '';
  const suffixSize = { w: 2, d: 4, q: 8 }[mnemonic.slice(-1) as 'w' | 'd' | 'q'];
  if (/[wdq]$/.test(mnemonic) && MNEMONICS.has(mnemonic.slice(0, -1))
    && (!MNEMONICS.has(mnemonic) || SIZED_BY_PREFIX.has(`${mnemonic.slice(0, -1)}/${suffixSize}`))) {
    const stem = mnemonic.slice(0, -1);
    const size = { w: 2, d: 4, q: 8 }[mnemonic.slice(-1) as 'w' | 'd' | 'q'];
    const def = ctx.bits === 16 ? 2 : ctx.bits === 32 ? 4 : DEFAULT64.has(stem) ? 8 : 4;
    if (size !== def) osizeWord = `o${size * 8}`;
    mnemonic = stem;
  }

  // objdump calls 66 on sysret/sysexit `data32`/`data16`; NASM: o32/o16.
  if (!osizeWord && dataWord && operands.length === 0 && SIZED_BY_PREFIX.has(`${mnemonic}/${dataWord}`)
    && new Set(FORMS.filter((f) => f.mnemonic === mnemonic).map((f) => f.osize)).size > 1) {
    const def = ctx.bits === 16 ? 2 : 4;
    if (dataWord !== def) osizeWord = `o${dataWord * 8}`;
  }
  // Rules 8-10 on the operands.
  let far = '';
  const sizes: (string | undefined)[] = [];
  operands = operands.map((op, k) => {
    const m = /^(BYTE|WORD|DWORD|QWORD|TBYTE|XMMWORD|OWORD|FWORD|YMMWORD|ZMMWORD) PTR (.*)$/.exec(op);
    let size: string | undefined;
    let rest = op;
    if (m) { size = SIZE_WORDS[m[1]]; rest = m[2]; }
    if (/^(?:(?:cs|ds|es|ss|fs|gs):)?\[/.test(rest) || /^(cs|ds|es|ss|fs|gs):0x/.test(rest)) {
      rest = memory(rest);
      sizes[k] = size;
    }
    // The implicit count of the shift-by-one forms: objdump `1`, NASM `0x1` as any number.
    if (/^\d+$/.test(rest)) rest = `0x${Number(rest).toString(16)}`;
    return rest;
  });
  // Rule 9: far indirect call/jmp.
  if ((mnemonic === 'call' || mnemonic === 'jmp') && operands.length === 1 && operands[0].startsWith('[')) {
    const s = sizes[0];
    const modrmReg = ctx.bytes ? farModrmReg(ctx.bytes, ctx.bits) : -1;
    if (s === 'fword' || (s === 'dword' && (modrmReg === 3 || modrmReg === 5))) {
      far = 'far ';
      sizes[0] = s === 'fword' ? (rexW ? 'qword' : 'dword') : 'word';
    }
  }
  // Rule 8: which sizes NASM needs.
  const regSizes = operands.map((o, k) => (sizes[k] === undefined && !o.startsWith('[') ? regSize(o) : undefined));
  const memIndex = operands.findIndex((o) => o.startsWith('['));
  if (memIndex >= 0) {
    const s = sizes[memIndex];
    let keep = s !== undefined;
    if (keep && !far) {
      const ms = SIZE_BYTES[s!];
      const count = (k: number) => k === operands.length - 1 && operands[k] === 'cl' && k > 0 && CL_COUNT.has(mnemonic);
      const regs = regSizes.filter((r) => r !== undefined);
      const anyReg = operands.some((o, k) => k !== memIndex && (regSizes[k] !== undefined || /^(cs|ds|es|ss|fs|gs|cr\d+|dr\d+)$/.test(o)) && !count(k));
      keep = !anyReg || regs.some((r) => r !== ms && r! + 2 !== ms);
      if (ADDRESS_ONLY.has(mnemonic) || FAR_LOADS.has(mnemonic)) keep = false;
      if (mnemonic === 'cmpsd') keep = false;   // NASM refuses a size there (see format.ts)
    }
    if (keep) operands[memIndex] = `${sizes[memIndex]} ${operands[memIndex]}`;
  }
  // Rule 9b: a direct far call/jmp does not show its offset size in objdump's text; a 66
  // prefix (read from the bytes) makes it the non-default one.
  if ((mnemonic === 'call' || mnemonic === 'jmp') && operands.length === 1 && /^0x[0-9a-f]+:0x[0-9a-f]+$/.test(operands[0])
    && ctx.bytes && hasPrefix(ctx.bytes, ctx.bits, 0x66)) {
    operands[0] = `${ctx.bits === 16 ? 'dword' : 'word'} ${operands[0]}`;
  }
  // Rule 13: in 16-bit code objdump computes near branch targets in 32 bits (0xffffff82,
  // 0x10012); IP wraps at 64 KiB (NASM and the processor).
  if (ctx.bits === 16 && /^(j[a-z]+|loop[a-z]*|call|jmp|xbegin)$/.test(mnemonic) && osizeWord !== 'o32' && operands.length === 1
    && /^0x[0-9a-f]+$/.test(operands[0]) && !(ctx.bytes && hasPrefix(ctx.bytes, 16, 0x66))) {
    operands[0] = `0x${(BigInt(operands[0]) & 0xffffn).toString(16)}`;
  }
  // Rule 12 also: objdump ignores 66 on a short branch in 32-bit code (`data16 ja 0x103ab`);
  // the processor, NASM and the decoder truncate the target to 16 bits.
  if (ctx.bits === 32 && /^(j[a-z]+|loop[a-z]*|jmp)$/.test(mnemonic) && !osizeWord && operands.length === 1
    && /^0x[0-9a-f]+$/.test(operands[0]) && ctx.bytes && hasPrefix(ctx.bytes, 32, 0x66)) {
    operands[0] = `0x${(BigInt(operands[0]) & 0xffffn).toString(16)}`;
  }
  // Rule 4 (address size): objdump writes a register-free address without its size; a 67
  // prefix (from the bytes, or objdump's addr16/addr32) makes NASM write a16/a32.
  if (!addr && ctx.bytes && hasPrefix(ctx.bytes, ctx.bits, 0x67)) addr = ctx.bits === 32 ? 'a16' : 'a32';
  if (addr && (LOOPS.has(mnemonic) || operands.some((o) => /^(\w+ )?\[(\w+:)?(0x[0-9a-f]+)\]$/.test(o)))) pre.push(addr);
  if (osizeWord) pre.push(osizeWord);
  if (rep && (STRING_OPS.has(mnemonic) || /^(movs|cmps|stos|lods|scas|ins|outs)[bwdq]$/.test(mnemonic))) pre.splice(lock ? 1 : 0, 0, rep);
  return canonicalJoin(pre, mnemonic, operands.map((o) => o), far);
}

function canonicalJoin(pre: string[], mnemonic: string, operands: string[], far = ''): string {
  const head = [...pre, mnemonic].join(' ');
  return operands.length ? `${head} ${far}${operands.join(', ')}` : head;
}

const LEGACY_PREFIXES = [0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65, 0x66, 0x67, 0xf0, 0xf2, 0xf3];

/** Whether a prefix byte precedes the opcode. */
function hasPrefix(bytes: Uint8Array, bits: Bits, prefix: number): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === prefix) return true;
    if (!LEGACY_PREFIXES.includes(b) && !(bits === 64 && (b & 0xf0) === 0x40)) return false;
  }
  return false;
}

/** The ModRM.reg field of an FF-opcode instruction (skipping prefixes), or -1. */
function farModrmReg(bytes: Uint8Array, bits: Bits): number {
  let i = 0;
  while (i < bytes.length && (/* legacy */ [0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65, 0x66, 0x67, 0xf0, 0xf2, 0xf3].includes(bytes[i]) || (bits === 64 && (bytes[i] & 0xf0) === 0x40))) i++;
  if (bytes[i] !== 0xff || i + 1 >= bytes.length) return -1;
  return (bytes[i + 1] >> 3) & 7;
}

/** Applied to both texts before comparing: displacement-size keywords inside brackets go. */
export function canonical(text: string): string {
  let t = text.replace(/\[((?:[a-z]s:)?)(?:byte|word|dword|qword) /g, '[$1');
  // `strict` keeps a wider immediate than needed, and ds: on an absolute address says there
  // was a ds prefix: both are what NASM needs for the same bytes, and objdump does not show.
  t = t.replace(/strict (?:byte|word|dword|qword) /g, '').replace(/\[ds:(0x[0-9a-f]+)\]/g, '[$1]');
  // xchg is symmetric: NASM's operand order is chosen to reproduce the encoding, objdump's
  // follows the ModRM fields; two registers are put in one order on both sides.
  const x = /^((?:lock )?xchg) ([a-z0-9]+), ([a-z0-9]+)$/.exec(t);
  if (x && x[2] > x[3]) t = `${x[1]} ${x[3]}, ${x[2]}`;
  return t;
}
