// Byte shapes of every opcode map: for each opcode, per mandatory-prefix class and mode,
// whether it is an instruction at all, whether a ModRM byte follows, which ModRM values
// are valid, and how many immediate bytes come after. The decoder measures every
// instruction with these shapes (so a disassembly stays in step after x87, MMX, SSE, AVX
// ... instructions, which it reports as unsupported) and uses the table rows only for the
// meaning of the instructions it models.
//
// Format of the SHAPES strings, one line per opcode (opcodes not listed are no instruction):
//
//     OP FIELD [FIELD FIELD FIELD] [@32 FIELDS] [@16 FIELDS]
//
// One FIELD stands for all four prefix classes; four are for the classes none, 66, F3, F2
// (the class is the last of F3/F2 when one is present, else 66 when present, else none).
// The fields after `@32` hold for 32-bit and 16-bit mode, those after `@16` for 16-bit
// mode only; without them the 64-bit fields hold in every mode. A FIELD is:
//
//     -            no instruction
//     .            an instruction without ModRM (immediates, if any, come from the table)
//     MM/RR        ModRM follows; MM = mask of ModRM.reg values valid with a memory
//                  operand (mod != 3), RR = mask of reg values valid with mod = 3
//     [r:rms,...]  for mod = 3, reg r is valid only with the listed rm values
//     +N           N immediate bytes follow the ModRM byte and displacement
//     <CELLS=K;..> invalid ModRM values whose invalid encoding is longer or shorter than
//                  the usual one: CELLS are `mREGS` (memory forms with those reg values)
//                  or `rREG[:RMS]` (register forms); K is `X` (only the first opcode byte
//                  counts, as when an operand that must be memory is a register) or `bN`
//                  (N bytes after the opcode count: the ModRM byte itself, e.g. x87
//                  register forms that name no instruction).
//
// An invalid encoding otherwise ends with its last opcode byte: prefixes and opcode bytes
// are consumed, the ModRM byte is not. These are the lengths GNU objdump 2.40 gives to
// `(bad)`; the validity columns were measured against it and are checked by the oracle
// suite (decode.oracle.test.ts).

export const MAP_0F_SHAPES = `
00 3f/3f
01 df/d8[0:0123456,1:01237,2:014567,5:067] df/52[0:012345,2:014567,3:0234567,7:014] ff/58[0:0123456,1:0123,2:014567,5:024567,7:0124567] df/58[0:0123456,1:0123,2:014567,5:01,7:01467] @32 df/d8[0:0123456,1:01237,2:014567,5:067] df/50[0:012345,1:01234,2:014567,3:0234567,7:014] ff/58[0:012345,1:0123,2:014567,5:02,7:0124] df/58[0:012345,1:0123,2:014567,5:01,7:0147]
02 ff/ff
03 ff/ff
05 .
06 .
07 .
08 .
09 . - . -
0b .
0d ff/00<r0,r1,r2,r3,r4,r5,r6,r7=X>
0e .
10 ff/ff
11 ff/ff
12 ff/ff ff/00 ff/ff ff/ff
13 ff/00 ff/00 - -
14 ff/ff ff/ff - -
15 ff/ff ff/ff - -
16 ff/ff ff/00 ff/ff -
17 ff/00 ff/00 - -
18 ff/ff
19 ff/ff
1a 0f/ff<m4567=b1> 0f/00[0:0123,1:0123,2:0123,3:0123]<m4567,r0:4567,r1:4567,r2:4567,r3:4567,r4,r5,r6,r7=b1> 0f/0f<m4567,r4,r5,r6,r7=b1> 0f/0f<m4567,r4,r5,r6,r7=b1> @16 00/ff<m01234567=b1> 00/00[0:0123,1:0123,2:0123,3:0123]<m01234567,r0:4567,r1:4567,r2:4567,r3:4567,r4,r5,r6,r7=b1> 00/0f<m01234567,r4,r5,r6,r7=b1> 00/0f<m01234567,r4,r5,r6,r7=b1>
1b 0f/ff<m4567=b1> 0f/00[0:0123,1:0123,2:0123,3:0123]<m4567,r0:4567,r1:4567,r2:4567,r3:4567,r4,r5,r6,r7=b1> 0f/ff<m4567=b1> 0f/0f<m4567,r4,r5,r6,r7=b1> @16 00/ff<m01234567=b1> 00/00[0:0123,1:0123,2:0123,3:0123]<m01234567,r0:4567,r1:4567,r2:4567,r3:4567,r4,r5,r6,r7=b1> 00/ff<m01234567=b1> 00/0f<m01234567,r4,r5,r6,r7=b1>
1c ff/ff
1d ff/ff
1e ff/ff
1f ff/ff
20 ff/ff
21 ff/ff
22 ff/ff
23 ff/ff
24 - @32 ff/ff
26 - @32 ff/ff
28 ff/ff ff/ff - -
29 ff/ff ff/ff - -
2a ff/ff
2b ff/00
2c ff/ff
2d ff/ff
2e ff/ff ff/ff - -
2f ff/ff ff/ff - -
30 .
31 .
32 .
33 .
34 .
35 .
37 .
40 ff/ff
41 ff/ff
42 ff/ff
43 ff/ff
44 ff/ff
45 ff/ff
46 ff/ff
47 ff/ff
48 ff/ff
49 ff/ff
4a ff/ff
4b ff/ff
4c ff/ff
4d ff/ff
4e ff/ff
4f ff/ff
50 00/ff 00/ff - -
51 ff/ff
52 ff/ff - ff/ff -
53 ff/ff - ff/ff -
54 ff/ff ff/ff - -
55 ff/ff ff/ff - -
56 ff/ff ff/ff - -
57 ff/ff ff/ff - -
58 ff/ff
59 ff/ff
5a ff/ff
5b ff/ff ff/ff ff/ff -
5c ff/ff
5d ff/ff
5e ff/ff
5f ff/ff
60 ff/ff ff/ff - -
61 ff/ff ff/ff - -
62 ff/ff ff/ff - -
63 ff/ff ff/ff - -
64 ff/ff ff/ff - -
65 ff/ff ff/ff - -
66 ff/ff ff/ff - -
67 ff/ff ff/ff - -
68 ff/ff ff/ff - -
69 ff/ff ff/ff - -
6a ff/ff ff/ff - -
6b ff/ff ff/ff - -
6c - ff/ff - -
6d - ff/ff - -
6e ff/ff ff/ff - -
6f ff/ff ff/ff ff/ff -
70 ff/ff+1
71 00/54+1 00/54+1 - -
72 00/54+1 00/54+1 - -
73 00/44+1 00/cc+1 - -
74 ff/ff ff/ff - -
75 ff/ff ff/ff - -
76 ff/ff ff/ff - -
77 . - - -
78 ff/ff 00/ff+2<m01234567=b1> - 00/ff+2<m01234567=b1>
79 ff/ff 00/ff<m01234567=X> - 00/ff<m01234567=X>
7c - ff/ff - ff/ff
7d - ff/ff - ff/ff
7e ff/ff ff/ff ff/ff -
7f ff/ff ff/ff ff/ff -
80 .
81 .
82 .
83 .
84 .
85 .
86 .
87 .
88 .
89 .
8a .
8b .
8c .
8d .
8e .
8f .
90 ff/ff
91 ff/ff
92 ff/ff
93 ff/ff
94 ff/ff
95 ff/ff
96 ff/ff
97 ff/ff
98 ff/ff
99 ff/ff
9a ff/ff
9b ff/ff
9c ff/ff
9d ff/ff
9e ff/ff
9f ff/ff
a0 .
a1 .
a2 .
a3 ff/ff
a4 ff/ff+1
a5 ff/ff
a6 00/00[0:0,1:0,2:0]<m012,r0:1234567,r1:1234567,r2:1234567=X>
a7 00/00[0:0,1:0,2:0,3:0,4:0,5:0]<m012345,r0:1234567,r1:1234567,r2:1234567,r3:1234567,r4:1234567,r5:1234567=X>
a8 .
a9 .
aa .
ab ff/ff
ac ff/ff+1
ad ff/ff
ae ff/20[6:0,7:0] cf/40[7:0] 5f/7f[7:0] 0f/40[7:0]
af ff/ff
b0 ff/ff
b1 ff/ff
b2 ff/00
b3 ff/ff
b4 ff/00
b5 ff/00
b6 ff/ff
b7 ff/ff
b8 - - ff/ff -
b9 ff/ff
ba f0/f0+1
bb ff/ff
bc ff/ff ff/ff ff/ff -
bd ff/ff ff/ff ff/ff -
be ff/ff
bf ff/ff
c0 ff/ff
c1 ff/ff
c2 ff/ff+1
c3 ff/00 - - -
c4 ff/ff+1 ff/ff+1 - -
c5 00/ff+1 00/ff+1 - -
c6 ff/ff+1 ff/ff+1 - -
c7 fa/c0<r1=X> fa/c0<r1=X> fa/c0<r1=X> ba/00<r1=X> @32 fa/c0<r1=X> fa/c0<r1=X> fa/80<r1=X> ba/00<r1=X>
c8 .
c9 .
ca .
cb .
cc .
cd .
ce .
cf .
d0 - ff/ff - ff/ff
d1 ff/ff ff/ff - -
d2 ff/ff ff/ff - -
d3 ff/ff ff/ff - -
d4 ff/ff ff/ff - -
d5 ff/ff ff/ff - -
d6 - ff/ff 00/ff<m01234567=X> 00/ff<m01234567=X>
d7 00/ff
d8 ff/ff ff/ff - -
d9 ff/ff ff/ff - -
da ff/ff ff/ff - -
db ff/ff ff/ff - -
dc ff/ff ff/ff - -
dd ff/ff ff/ff - -
de ff/ff ff/ff - -
df ff/ff ff/ff - -
e0 ff/ff ff/ff - -
e1 ff/ff ff/ff - -
e2 ff/ff ff/ff - -
e3 ff/ff ff/ff - -
e4 ff/ff ff/ff - -
e5 ff/ff ff/ff - -
e6 - ff/ff ff/ff ff/ff
e7 ff/00<r0,r1,r2,r3,r4,r5,r6,r7=X> ff/00 - -
e8 ff/ff ff/ff - -
e9 ff/ff ff/ff - -
ea ff/ff ff/ff - -
eb ff/ff ff/ff - -
ec ff/ff ff/ff - -
ed ff/ff ff/ff - -
ee ff/ff ff/ff - -
ef ff/ff ff/ff - -
f0 - - - ff/00
f1 ff/ff ff/ff - -
f2 ff/ff ff/ff - -
f3 ff/ff ff/ff - -
f4 ff/ff ff/ff - -
f5 ff/ff ff/ff - -
f6 ff/ff ff/ff - -
f7 00/ff<m01234567=X> 00/ff<m01234567=X> - -
f8 ff/ff ff/ff - -
f9 ff/ff ff/ff - -
fa ff/ff ff/ff - -
fb ff/ff ff/ff - -
fc ff/ff ff/ff - -
fd ff/ff ff/ff - -
fe ff/ff ff/ff - -
ff ff/ff
`;

export const MAP_0F38_SHAPES = `
00 ff/ff ff/ff - -
01 ff/ff ff/ff - -
02 ff/ff ff/ff - -
03 ff/ff ff/ff - -
04 ff/ff ff/ff - -
05 ff/ff ff/ff - -
06 ff/ff ff/ff - -
07 ff/ff ff/ff - -
08 ff/ff ff/ff - -
09 ff/ff ff/ff - -
0a ff/ff ff/ff - -
0b ff/ff ff/ff - -
10 - ff/ff - -
14 - ff/ff - -
15 - ff/ff - -
17 - ff/ff - -
1c ff/ff ff/ff - -
1d ff/ff ff/ff - -
1e ff/ff ff/ff - -
20 - ff/ff - -
21 - ff/ff - -
22 - ff/ff - -
23 - ff/ff - -
24 - ff/ff - -
25 - ff/ff - -
28 - ff/ff - -
29 - ff/ff - -
2a - ff/00 - -
2b - ff/ff - -
30 - ff/ff - -
31 - ff/ff - -
32 - ff/ff - -
33 - ff/ff - -
34 - ff/ff - -
35 - ff/ff - -
37 - ff/ff - -
38 - ff/ff - -
39 - ff/ff - -
3a - ff/ff - -
3b - ff/ff - -
3c - ff/ff - -
3d - ff/ff - -
3e - ff/ff - -
3f - ff/ff - -
40 - ff/ff - -
41 - ff/ff - -
80 - ff/00<r0,r1,r2,r3,r4,r5,r6,r7=X> - -
81 - ff/00<r0,r1,r2,r3,r4,r5,r6,r7=X> - -
82 - ff/00<r0,r1,r2,r3,r4,r5,r6,r7=X> - -
c8 ff/ff - - -
c9 ff/ff - - -
ca ff/ff - - -
cb ff/ff - - -
cc ff/ff - - -
cd ff/ff - - -
cf - ff/ff - -
d8 - - 0f/00<r0,r1,r2,r3=X> -
db - ff/ff - -
dc - ff/ff ff/ff -
dd - ff/ff ff/00 -
de - ff/ff ff/00 -
df - ff/ff ff/00 -
f0 ff/00<r0,r1,r2,r3,r4,r5,r6,r7=X> ff/00<r0,r1,r2,r3,r4,r5,r6,r7=X> - ff/ff
f1 ff/00<r0,r1,r2,r3,r4,r5,r6,r7=X> ff/00<r0,r1,r2,r3,r4,r5,r6,r7=X> - ff/ff
f5 - ff/00 - -
f6 ff/00 ff/ff ff/ff -
f8 - ff/00 ff/00 ff/00
f9 ff/00 - - -
fa - - 00/ff -
fb - - 00/ff -
fc ff/00<r0,r1,r2,r3,r4,r5,r6,r7=X>
`;

export const MAP_0F3A_SHAPES = `
08 - ff/ff+1 - -
09 - ff/ff+1 - -
0a - ff/ff+1 - -
0b - ff/ff+1 - -
0c - ff/ff+1 - -
0d - ff/ff+1 - -
0e - ff/ff+1 - -
0f ff/ff+1 ff/ff+1 - -
14 - ff/ff+1 - -
15 - ff/ff+1 - -
16 - ff/ff+1 - -
17 - ff/ff+1 - -
20 - ff/ff+1 - -
21 - ff/ff+1 - -
22 - ff/ff+1 - -
40 - ff/ff+1 - -
41 - ff/ff+1 - -
42 - ff/ff+1 - -
44 - ff/ff+1 - -
60 - ff/ff+1 - -
61 - ff/ff+1 - -
62 - ff/ff+1 - -
63 - ff/ff+1 - -
cc ff/ff+1 - - -
ce - ff/ff+1 - -
cf - ff/ff+1 - -
df - ff/ff+1 - -
f0 - - 00/00[0:0]+1 -
`;

export const X87_SHAPES = `
d8 ff/ff
d9 fd/c3[2:0,4:0145,5:0123456]<m1,r2:1234567,r3,r4:2367,r5:7=b1>
da ff/0f[5:1]<r4,r5:0234567,r6,r7=b1>
db af/6f[4:012345]<m46,r4:67,r7=b1>
dc ff/f3<r2,r3=b1>
dd df/3d<m5,r1,r6,r7=b1>
de ff/f3[3:1]<r2,r3:0234567=b1>
df ff/61[4:0]<r1,r2,r3,r4:1234567,r7=b1>
`;

/** The shape of one opcode under one prefix class in one mode. */
export interface Shape {
  /** 0: no instruction; 1: no ModRM; 2: ModRM follows. */
  readonly kind: 0 | 1 | 2;
  /** Immediate bytes after ModRM and displacement (kind 2). */
  readonly imm: number;
  /** reg values valid with a memory operand / with mod = 3 (bit masks). */
  readonly mem: number;
  readonly reg: number;
  /** Per reg value: mask of valid rm values with mod = 3, or -1 to use `reg`. */
  readonly rm: Int16Array | null;
  /** Per ModRM cell (0-7 memory by reg, 8 + reg*8 + rm register): invalid-length kind. */
  readonly odd: Int8Array | null;
}

/** modrmStatus results besides a positive count of bytes after the opcode. */
export const VALID = 0;
export const BAD_AT_OPCODE = -1;
export const BAD_FIRST_BYTE = -2;

const NONE: Shape = Object.freeze({ kind: 0, imm: 0, mem: 0, reg: 0, rm: null, odd: null });
const PLAIN: Shape = Object.freeze({ kind: 1, imm: 0, mem: 0, reg: 0, rm: null, odd: null });

function parseField(f: string): Shape {
  if (f === '-') return NONE;
  if (f === '.') return PLAIN;
  const m = /^([0-9a-f]{2})\/([0-9a-f]{2})(?:\[([^\]]*)\])?(?:\+(\d+))?(?:<([^>]*)>)?$/.exec(f);
  if (!m) throw new Error(`x86 shapes: bad field '${f}'`);
  let rm: Int16Array | null = null;
  if (m[3]) {
    rm = new Int16Array(8).fill(-1);
    for (const part of m[3].split(',')) {
      const [r, rms] = part.split(':');
      let mask = 0;
      for (const c of rms ?? '') mask |= 1 << Number(c);
      rm[Number(r)] = mask;
    }
  }
  let odd: Int8Array | null = null;
  if (m[5]) {
    odd = new Int8Array(72);
    for (const group of m[5].split(';')) {
      const [cells, kind] = group.split('=');
      const v = kind === 'X' ? BAD_FIRST_BYTE : Number(kind.slice(1));
      for (const cell of cells.split(',')) {
        if (cell[0] === 'm') for (const c of cell.slice(1)) odd[Number(c)] = v;
        else {
          const reg = Number(cell[1]);
          const rms = cell.length > 2 ? cell.slice(3) : '01234567';
          for (const c of rms) odd[8 + reg * 8 + Number(c)] = v;
        }
      }
    }
  }
  return Object.freeze({ kind: 2, imm: Number(m[4] ?? 0), mem: parseInt(m[1], 16), reg: parseInt(m[2], 16), rm, odd });
}

/** table[modeIndex 0:16 1:32 2:64][prefixClass 0-3][opcode] */
export type ShapeTable = readonly (readonly (readonly Shape[])[])[];

export function parseShapes(text: string): ShapeTable {
  const table: Shape[][][] = [0, 1, 2].map(() => [0, 1, 2, 3].map(() => new Array<Shape>(256).fill(NONE)));
  const cache = new Map<string, Shape>();
  const field = (f: string) => {
    let s = cache.get(f);
    if (!s) cache.set(f, (s = parseField(f)));
    return s;
  };
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const words = line.trim().split(/\s+/);
    const op = parseInt(words[0], 16);
    // Split into the 64-bit, @32 and @16 groups; each later group overrides the modes it names.
    const groups: { modes: number[]; fields: string[] }[] = [{ modes: [2, 1, 0], fields: [] }];
    for (const w of words.slice(1)) {
      if (w === '@32') groups.push({ modes: [1, 0], fields: [] });
      else if (w === '@16') groups.push({ modes: [0], fields: [] });
      else groups[groups.length - 1].fields.push(w);
    }
    for (const g of groups) {
      const fs = g.fields.length === 1 ? [g.fields[0], g.fields[0], g.fields[0], g.fields[0]] : g.fields;
      if (fs.length !== 4) throw new Error(`x86 shapes: bad line '${line}'`);
      for (const mode of g.modes) for (let pc = 0; pc < 4; pc++) table[mode][pc][op] = field(fs[pc]);
    }
  }
  return table;
}

/**
 * Whether a ModRM byte is valid for a shape: VALID, BAD_AT_OPCODE (the encoding ends after
 * the opcode), BAD_FIRST_BYTE (only the first opcode byte counts) or N > 0 (N bytes after the
 * opcode count, e.g. the ModRM byte).
 */
export function modrmStatus(s: Shape, modrm: number): number {
  const reg = (modrm >> 3) & 7;
  let ok: boolean;
  let cell: number;
  if (modrm >= 0xc0) {
    const rmMask = s.rm ? s.rm[reg] : -1;
    ok = rmMask >= 0 ? ((rmMask >> (modrm & 7)) & 1) === 1 : ((s.reg >> reg) & 1) === 1;
    cell = 8 + reg * 8 + (modrm & 7);
  } else {
    ok = ((s.mem >> reg) & 1) === 1;
    cell = reg;
  }
  if (ok) return VALID;
  if (s.odd && s.odd[cell] !== 0) return s.odd[cell];
  return BAD_AT_OPCODE;
}

export const SHAPES_0F = parseShapes(MAP_0F_SHAPES);
export const SHAPES_0F38 = parseShapes(MAP_0F38_SHAPES);
export const SHAPES_0F3A = parseShapes(MAP_0F3A_SHAPES);
export const SHAPES_X87 = parseShapes(X87_SHAPES);

/** 0F opcodes without ModRM whose immediate the table does not give: jcc rel16/32 is modelled. */

/**
 * VEX (C4/C5), EVEX (62) and XOP (8F) instructions are measured, not validated: every
 * opcode of their maps takes ModRM except VEX 0F 77 (vzeroupper/vzeroall); these are the
 * immediate sizes.
 */
export function vexImmediate(map: number, opcode: number): number {
  if (map === 3) return 1;
  if (map === 1 && ((opcode >= 0x70 && opcode <= 0x73) || opcode === 0xc2 || (opcode >= 0xc4 && opcode <= 0xc6))) return 1;
  return 0;
}
export function xopImmediate(map: number): number {
  return map === 8 ? 1 : map === 10 ? 4 : 0;
}
