// Collects the instructions of one function as encoder `Instruction` objects, with labels for
// branches and symbolic references for relocations, then encodes them. Other instructions'
// sizes do not depend on addresses (RIP-relative fields are always 32-bit), so only branches
// need relaxation: short (rel8) where the target is in reach, near (rel32) otherwise.
import { encode } from '../../../x86/encode.ts';
import { registerByName } from '../../../x86/registers.ts';
import type { Instruction, MemOperand, Operand as X86Operand, RegOperand } from '../../../x86/types.ts';

export interface Relocation {
  /** Byte offset of the 32-bit field in the function's code. */
  readonly offset: number;
  readonly kind: 'plt32' | 'pc32';
  readonly symbol: string;
  readonly addend: number;
}

type Item =
  | { kind: 'ins'; ins: Instruction; reloc?: { kind: 'plt32' | 'pc32'; symbol: string } }
  | { kind: 'label'; name: string }
  | { kind: 'jump'; mnemonic: string; target: string };

export const reg = (name: string): RegOperand => {
  const r = registerByName(name);
  if (!r) throw new Error(`codegen: no register ${name}`);
  return { kind: 'reg', reg: r };
};
export const imm = (value: bigint | number): X86Operand => ({ kind: 'imm', value: BigInt(value) });
export const mem = (base: string, disp: number | bigint, size?: 1 | 2 | 4 | 8): MemOperand => ({
  kind: 'mem', base: registerByName(base)!, scale: 1, disp: BigInt(disp), ...(size && { size }),
});

const PAIRS: [string, string][] = [['je', 'jne'], ['jz', 'jnz'], ['jl', 'jge'], ['jle', 'jg'], ['jb', 'jae'], ['jbe', 'ja']];
const INVERSE: Record<string, string> = Object.fromEntries(PAIRS.flatMap(([x, y]) => [[x, y], [y, x]]));

export class Emitter {
  private readonly items: Item[] = [];
  private labelCounter = 0;

  ins(mnemonic: string, ...operands: X86Operand[]): void {
    this.items.push({ kind: 'ins', ins: { mnemonic, operands } });
  }

  /** `call symbol` through a PLT32 relocation. */
  callSymbol(symbol: string): void {
    this.items.push({ kind: 'ins', ins: { mnemonic: 'call', operands: [{ kind: 'rel', target: 5n, dist: 'near' }] }, reloc: { kind: 'plt32', symbol } });
  }

  /** `lea dst, [rip + symbol]` through a PC32 relocation. */
  leaSymbol(dst: string, symbol: string): void {
    const rip: MemOperand = { kind: 'mem', base: registerByName('rip')!, scale: 1, disp: 0n };
    this.items.push({ kind: 'ins', ins: { mnemonic: 'lea', operands: [reg(dst), rip] }, reloc: { kind: 'pc32', symbol } });
  }

  jump(mnemonic: string, target: string): void {
    this.items.push({ kind: 'jump', mnemonic, target });
  }

  label(name: string): void {
    this.items.push({ kind: 'label', name });
  }

  freshLabel(hint: string): string {
    return `.L${hint}${this.labelCounter++}`;
  }

  /**
   * Drops a `jmp` to the label that immediately follows it, and turns `jcc A; jmp B; A:` into
   * `jncc B; A:`.
   */
  private peephole(): Item[] {
    const items = [...this.items];
    for (let i = 0; i + 2 < items.length; i++) {
      const [a, b, c] = [items[i]!, items[i + 1]!, items[i + 2]!];
      if (a.kind === 'jump' && a.mnemonic !== 'jmp' && b.kind === 'jump' && b.mnemonic === 'jmp' && c.kind === 'label' && c.name === a.target && INVERSE[a.mnemonic]) {
        items.splice(i, 2, { kind: 'jump', mnemonic: INVERSE[a.mnemonic]!, target: b.target });
      }
    }
    return items.filter((it, i) => !(it.kind === 'jump' && it.mnemonic === 'jmp' && items[i + 1]?.kind === 'label' && (items[i + 1] as { name: string }).name === it.target));
  }

  finish(): { code: Uint8Array; relocations: Relocation[] } {
    const items = this.peephole();
    const ctx0 = { bits: 64 as const, address: 0n };
    const encoded: (Uint8Array | null)[] = items.map((it) => (it.kind === 'ins' ? encode(it.ins, ctx0) : null));
    // Branch relaxation: every branch starts short (rel8); those whose target is out of reach
    // become near (rel32) until nothing changes. Sizes only grow, so this terminates.
    const long = items.map(() => false);
    const sizeOf = (it: Item, i: number) => (it.kind === 'ins' ? encoded[i]!.length : it.kind === 'jump' ? (long[i] ? (it.mnemonic === 'jmp' ? 5 : 6) : 2) : 0);
    const labels = new Map<string, number>();
    let at = 0;
    for (let changed = true; changed;) {
      changed = false;
      at = 0;
      items.forEach((it, i) => {
        if (it.kind === 'label') labels.set(it.name, at);
        at += sizeOf(it, i);
      });
      at = 0;
      items.forEach((it, i) => {
        at += sizeOf(it, i);
        if (it.kind !== 'jump' || long[i]) return;
        const target = labels.get(it.target);
        if (target === undefined) throw new Error(`codegen: no label ${it.target}`);
        const displacement = target - at;
        if (displacement < -128 || displacement > 127) { long[i] = true; changed = true; }
      });
    }
    const code = new Uint8Array(at);
    const relocations: Relocation[] = [];
    at = 0;
    items.forEach((it, i) => {
      if (it.kind === 'jump') {
        const target = labels.get(it.target);
        if (target === undefined) throw new Error(`codegen: no label ${it.target}`);
        const bytes = encode({ mnemonic: it.mnemonic, operands: [{ kind: 'rel', target: BigInt(target), dist: long[i] ? 'near' : 'short', strict: true }] }, { bits: 64, address: BigInt(at) });
        if (bytes.length !== sizeOf(it, i)) throw new Error(`codegen: ${it.mnemonic} encoded in ${bytes.length} bytes`);
        code.set(bytes, at);
      } else if (it.kind === 'ins') {
        code.set(encoded[i]!, at);
        // The 32-bit field is the last four bytes of a call rel32 and of lea r, [rip+disp32].
        if (it.reloc) relocations.push({ offset: at + encoded[i]!.length - 4, kind: it.reloc.kind, symbol: it.reloc.symbol, addend: -4 });
      }
      at += sizeOf(it, i);
    });
    return { code, relocations };
  }
}
