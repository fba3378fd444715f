// Byte shapes of opcodes the table does not model (x87, MMX, SSE, AVX ...): whether a ModRM
// byte follows and how many immediate bytes. The decoder uses them to measure such
// instructions exactly, so a disassembly stays in step after them, and reports them as
// unsupported rather than guessing their meaning.

/** Opcode ranges in the form "lo-hi" or "op", hex. */
function set(spec: string): Uint8Array {
  const s = new Uint8Array(256);
  for (const part of spec.split(/\s+/).filter(Boolean)) {
    const [lo, hi = lo] = part.split('-').map((h) => parseInt(h, 16));
    for (let i = lo; i <= hi; i++) s[i] = 1;
  }
  return s;
}

/** One-byte map: the x87 escapes. */
export const X87_OPCODES = set('d8-df');

/** 0F map opcodes that carry no ModRM byte. */
export const MAP1_NO_MODRM = set('05-09 0b 0e 30-37 77 80-8f a0-a2 a8-aa c8-cf');
/** 0F map opcodes with an 8-bit immediate after the ModRM byte. */
export const MAP1_IMM8 = set('70-73 a4 ac ba c2 c4-c6');
/** 0F map opcodes that are no instruction at all. */
export const MAP1_INVALID = set('04 0a 0c 24-27 36 39 3b-3f 7a 7b a6 a7');
