// Differential tests: the same sources through nasm 2.16 (`nasm -f bin`) and assemble(),
// bytes compared exactly; for sources nasm rejects, the error lines compared. Runs in the
// oracle suite (`npm run test:oracle`), where nasm is installed.
import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble } from './index.ts';

const TESTDATA = join(import.meta.dirname, 'testdata');

interface Outcome {
  bytes?: Buffer;
  errors: string[];
}

/** nasm on `file` (relative to `dir`) with `-i inc/`; warnings, and the macro trail lines after them, dropped. */
function runNasm(dir: string, file: string, bits?: number): Outcome {
  const out = join(mkdtempSync(join(tmpdir(), 'nasm-')), 'out.bin');
  const args = ['-f', 'bin', '-i', 'inc/', file, '-o', out];
  const r = spawnSync('nasm', args, { cwd: dir, encoding: 'utf8' });
  void bits;
  if (r.error) throw r.error;
  if (r.status === 0) return { bytes: readFileSync(out), errors: [] };
  const errors: string[] = [];
  let afterWarning = false;
  for (const line of r.stderr.split('\n')) {
    if (line === '') continue;
    if (/^[^:]+:\d+: warning:/.test(line)) { afterWarning = true; continue; }
    if (/^[^:]+:\d+: \.\.\. from macro/.test(line)) { if (!afterWarning) errors.push(line); continue; }
    afterWarning = false;
    errors.push(line);
  }
  return { errors };
}

function runOurs(dir: string, file: string): Outcome {
  const read = (p: string) => { try { return readFileSync(join(dir, p), 'utf8'); } catch { return undefined; } };
  const readBinary = (p: string) => { try { return new Uint8Array(readFileSync(join(dir, p))); } catch { return undefined; } };
  const r = assemble(read(file)!, { fileName: file, includeDirs: ['inc/'], readFile: read, readBinary });
  if (r.ok) return { bytes: Buffer.from(r.bytes), errors: [] };
  return { errors: r.errors.flatMap((e) => e.split('\n')) };
}

/** First differing offset with some context, for a readable failure. */
function describeDiff(ours: Buffer, ref: Buffer): string {
  let i = 0;
  while (i < ours.length && i < ref.length && ours[i] === ref[i]) i++;
  const ctx = (b: Buffer) => b.subarray(Math.max(0, i - 8), i + 16).toString('hex');
  return `lengths ${ours.length} (ours) / ${ref.length} (nasm); first difference at 0x${i.toString(16)}\n`
    + `  ours: ${ctx(ours)}\n  nasm: ${ctx(ref)}`;
}

function compare(dir: string, file: string): void {
  const ref = runNasm(dir, file);
  const ours = runOurs(dir, file);
  if (ref.bytes) {
    expect(ours.errors, `nasm assembled ${file}; we did not`).toEqual([]);
    if (!ours.bytes!.equals(ref.bytes)) expect.fail(`${file}: ${describeDiff(ours.bytes!, ref.bytes)}`);
  } else {
    expect(ours.bytes, `nasm rejected ${file}:\n${ref.errors.join('\n')}`).toBeUndefined();
    expect(ours.errors).toEqual(ref.errors);
  }
}

beforeAll(() => {
  const v = spawnSync('nasm', ['-v'], { encoding: 'utf8' });
  if (v.error || v.status !== 0) throw new Error('nasm is not installed: the oracle suite needs it (apt-get install nasm)');
});

describe('sample programs assemble exactly as nasm assembles them', () => {
  const files = readdirSync(TESTDATA).filter((f) => f.endsWith('.asm')).sort();
  it('has sample programs', () => expect(files.length).toBeGreaterThanOrEqual(10));
  for (const f of files) it(f, () => compare(TESTDATA, f));
});

/** Small sources, each written to a temporary directory and run through both assemblers. */
const SNIPPETS: Record<string, string> = {
  'labels as 64-bit immediates take imm64': 'bits 64\norg 0x200000\nmov rsp, stack_top\nmov rax, start\nstart: nop\nstack_top:',
  'lock on an unlockable instruction is only a warning': 'bits 16\nlock mov ax, bx',
  'a size inside the brackets of a bare address sets the address size': 'bits 16\nmov eax,[dword 0x1000]\nmov ebx,[dword 0x1000]\nbits 32\nmov ax,[word 0x1000]\nmov bx,[word 0x1000]\nbits 64\nmov eax,[dword 0x1000]\nmov eax,[qword 0x1000]',
  'nosplit keeps a lone index': 'bits 32\nmov eax, [nosplit eax*2]\nmov eax, [nosplit eax*1+4]',
  'a 64-bit register in 16-bit code': 'bits 16\nmov rax, 1',
  'scaled 16-bit index': 'bits 16\nmov ax, [bx*2]',
  'undefined symbol in a macro in a rep': '%macro m 0\n%rep 2\nmov ax, nothere\n%endrep\n%endmacro\nm',
  'errors of the final pass': 'mov ax, bl\ntimes -1 db 0\njmp short far_away\ntimes 200 nop\nfar_away:\nmov ax, nothere',
  'division by zero stops after the first pass': 'mov ax, nothere\ndd 5/0\ndd 1 %% 0',
  'first-pass errors stop assembly': 'x: nop\nx: nop\ny equ 1\ny equ 2\ngarbage words here\nmov ax, nothere',
  'syntax errors': 'mov ax, (1\nmov ax, 1)\nmov ax, foo bar\ndw 1,,2\nint 0x10 0x20\n+ 1',
  'directive errors': 'bits 33\nsection .data align=3\nalign 3',
  'non-constant times': 'times l db 0\nl:',
  'non-constant resb': 'resb l\nl:',
  'origin redefined': 'org 5\ndb 1\norg 7',
  'division of a label': 'l: db 1\nmov ax, l/2',
  'extern in bin': 'extern ext\nmov ax, ext\nglobal foo\nfoo:\n%error hello world',
  'unbalanced %endif': '%endif',
  'unterminated %if': '%if 1\n',
  '%if with an unknown name': '%if foo\n%endif',
  'missing include': '%include "nofile.inc"\ndb 1',
  'missing incbin': 'incbin "nofile.bin"',
  'integer as 80-bit data': 'dt 1',
  'too many registers': 'bits 32\nmov eax, [ebx+ecx+edx]\nmov eax, [ebx+esi*4+ebx]',
  'local labels and orphans': 'start:\n.a: dw .a\nfoo equ 5\n.b: dw .b\n..@x: dw 1\n.c: dw .c\ndw start.c\nlbl\nlbl2 db 1',
  'numbers': 'dd 0x1f, 1fh, $1f, 0b101, 101b, 0q17, 17q, 17o, 0o17, 0d99, 99d, 0t99, 1_000, 0h1f, 0y11, 11y, 0bh, 1fx',
  'prefix ordering': 'es rep movsb\nrep es movsb\nfs lodsb\nes o32 lodsb\nlock es inc word [bx]\ncs nop',
  'forward references in immediates': 'add ax, fwd\npush fwd\nmov ax, [bx+fwd]\nadd ax, bk\nfwd equ 3\nbk equ 3\nadd ax, bk',
  'relocatable operands': 'l: push l\nadd ax, l\nmov ax, [bx+l]\nadd ax, l2-l\nmov ax, [bx+l2-l]\npush $-l\npush $$\npush $\njmp l\nl2:\nk equ l\npush k',
  '64-bit immediates and rip': 'bits 64\ndefault rel\nl: mov rax, 5\nmov eax, [l]\nmov eax, [rel l]\nmov eax, [abs l]\nmov eax, [fs:l]\npush l\nmov rax, 0x7fffffff\nmov rax, 0x80000000',
  'section order': 'section .b\ndb 1\nsection .a\ndb 2\nsection .text\ndb 3\nsection .bss\nresb 4\nsection .c align=1\ndb 4',
  'align raises the section alignment': 'db 1\nsection .data\nalign 16\ndb 2',
  'trailing reservations are written': 'db 1\nresb 3\ndb 2\nresw 2',
  'preprocessor: stray %endrep and %endmacro': '%endrep\n%endmacro',
  'preprocessor: %elif after %else is ignored': '%if 0\n%else\ndb 1\n%elif 1\ndb 2\n%else\ndb 3\n%endif',
  'preprocessor: empty %error': 'nop\n%error',
  'preprocessor: unterminated %macro': 'nop\n%macro m 1\nnop',
  'preprocessor: unterminated %rep': '%rep 2\ndb 1',
  'preprocessor: %assign without a value': '%assign x',
  'preprocessor: %macro without a name': '%macro\n%endmacro',
  'preprocessor: wrong parameter count falls through to the parser': '%macro m 2\ndb %1\n%endmacro\nm 1',
  'far memory operands with sizes': 'jmp far [bx]\njmp far dword [bx]\ncall far word [bx]\nbits 32\njmp far [ebx]\ncall far [ebx]\njmp far word [ebx]\nbits 64\njmp far [rbx]\ncall far qword [rbx]',
  'rel applies to labels, not to plain numbers': 'bits 64\ndefault rel\nmov eax, [0x1000]\nmov eax, [rel 0x1000]\nl: mov eax, [rel l]\nmov eax, [l - l]\nmov eax, [fs:0x10]\nmov eax, [$]\nmov eax, [fwd]\nfwd: dd 0',
  'an error in a times line is reported once': 'times 3 mov ax, nothere\ntimes 2 jmp nowhere\ntimes 2 db nothing',
  'global with a special type in bin is an error at the definition': 'global _start:function (_start.end - _start)\nglobal foo, bar:data\n_start: nop\n.end:\nfoo: nop\nmov ax, nothere\nbar equ 4\nglobal late:function\nglobal late:function\nglobal plain:\nplain: nop',
  'global before a label defined earlier, and syntax errors': 'early: nop\nglobal early:function\nglobal 3\nglobal foo function',
  'inconsistent global attributes': 'global a:function\nglobal a:data\na: nop',
  '%+ pastes after single-line macros expand': '%assign i 3\nisr3: db 1\ndw isr %+ i\n%define foo1 5\n%define N 1\ndw foo %+ N\n%define foo bar\n%define bar1 7\ndw foo %+ 1\n%define a1 9\ndw a %+ 1\n%define X(n) lbl %+ n\nlbl3: db 2\ndw X(i)\n%define Y isr %+ i\ndw Y\n%macro M 1\ndw isr %+ %1\ndw isr%1\ndw %1 %+ 0\n%endmacro\nM i\n%xdefine Z isr %+ i\n%assign i 4\ndw Z',
  'conditional operator': 'L equ 10 ? 1 : 2\ndd L\nmov eax, 1 ? 2 : 3\ndd 0 ? 3 : 4, 7\ndd 1 ? 2 ? 3 : 4 : 5\ndd 0 ? 1 : 0 ? 2 : 3\ndd (1 ? 5 : 6) + 1\ndd 1 + 0 ? 8 : 9\ndd fwd ? 1 : 2\ndd 1 ? lbl : 0\nlbl: dd 5 > 3 ? 10 : 20\nmov ax, [bx + (1 ? 2 : 4)]\nfwd equ 0\n%if (1 ? 0 : 1)\ndb 1\n%endif',
  'conditional operator errors': 'lbl: dd lbl ? 1 : 2\ndd 1 ? 2\ndd 0 ? nothere : 4\ndd 1?5:6',
  'doubled quotes do not escape in NASM': 'banner: db \'It\'\'s "quoted"\', 0',
  'loop and jcxz out of range': 'bits 32\njecxz .e\nloopne .e\ntimes 128 db 0\n.e: nop\nbits 16\njcxz e\nloop e\ntimes 128 db 0\ne: nop',
  'align inside a section sets its alignment (default 4)': 'db 1\nsection .data\nalign 2\ndb 2\nsection .d2\ndb 3\nalign 1\nsection .d3 align=2\ndb 4\nalign 8\nsection .d4\nsectalign 2\ndb 5\nsection .d5\nalign 8\ndb 6\nalign 2\nsection .bss\nalignb 2\nresb 1\nsection .text\ndw x\nsection .bss\nx:',
  'a size before the offset of a far pointer': 'bits 16\njmp 0x08:dword pm\njmp dword 0x08:pm\njmp word 0x08:pm\njmp 0x08:word pm\ncall 0x10:dword pm\nbits 32\njmp 0x08:word pm\njmp 0x08:pm\njmp word 0x08:pm\njmp 0x08:dword pm\npm:',
  'mismatch in operand sizes': 'bits 32\nmovzx eax, dword [ebx]\nmov word [ebx], al\nmov byte [ebx], ax\nin al, word 0x60\nlea ax, byte [ebx]\nxchg ax, byte [ebx]\ntest eax, word 5\nmov cr0, ax\nmov ds, byte [ebx]\ncmp byte [ebx], word 5\nimul ax, bx, dword 5\ninc dword ax\nadd eax, qword 5\npush word [ebx], 1\nmovsx eax, dword [ebx]\nret byte 4\nint word 0x10\ncall word far [ebx]\nmov eax, qword [ebx]\nbt ax, byte 3\nout 0x80, ax\nout 0x80, bx\nmov al, word 5\nadd dword [ebx], word 5\npush byte [ebx]\nmov ax, bl\nbits 16\nmov eax, word [bx]\njmp 0x08:byte pm\njmp 0x08:qword pm\npm:',
  'instructions of other modes': 'bits 64\npush es\npop ds\nlds eax, [rbx]\nles ax, [rbx]\npushad\ninto\njmp 0x08:x\nx: push cs\naaa\nbits 32\npush rax\nmov r8, 1',
  'REX-only registers outside 64-bit code stop the first pass': 'bits 32\nmov sil, 1\nmov r8, 1\nmov rax, 1\nmov r8w, 1\nbits 16\nadd r9d, eax\nmov ax, nothere',
  'a sized immediate sizes an unsized memory operand': 'bits 32\nadd [ebx], byte 5\nmov [ebx], byte 5\nadd [ebx], word 5\nadd [ebx], dword 5\ncmp [ebx], byte -1\nmov [ebx], dword 0\nbits 16\ncmp [si], byte 0\nsub [bx+2], word 300\nand [di], byte 0x7f\nbits 64\nadd [rax], byte 1\nor [rel x], dword 1\nx: dq 0\npush [ebx]',
  'effective-address errors stop the first pass': 'bits 16\nmov eax, [ecx*16]\nmov ax, [bx+si*2]\nmov ax, [ax]\nbits 32\nmov eax, [ebx+ecx*3]\nmov eax, [esp*2]\nmov eax, [ebx-ecx]\nmov ax, [bx+bp]\nmov eax, [bx+ecx]\nbits 64\nmov eax, [rsp*2]\nmov eax, [ax]\nmov eax, [ecx*7]\nmov ax, nothere',
  '%substr with and without a comma, %deftok': "%substr a 'xyzw' 1\n%substr b 'xyzw' 2,2\n%substr c 'xyzw', 3\n%substr d 'xyzw',2,-1\n%define S 'hello'\n%substr e S 2\n%substr f 'xyzw' 1+1, 1\ndb a, b, c, d, e, f\n%deftok T1 'mov eax, 7'\nT1\n%deftok T2 \"db 1, 2\"\nT2",
  '%deftok without a string': '%deftok T3 5',
  'an expression before the brackets adds to the address (and MASM ptr)': 'bits 32\nptr equ 0x10\nmov eax, dword ptr [ebx]\nmov eax, ptr [ebx+4]\nmov byte ptr [eax], 1\nmov eax, 8[ebx]\nmov eax, ptr[ebx]\nlea eax, ptr [ebx*2]\nbits 16\nmov ax, 2[bx+si]\nmov ax, table[di]\ntable: dw 0',
  'MASM ptr without a definition': 'bits 32\nmov eax, dword ptr [ebx]\nmov byte ptr [eax], 1',
  'qword on a number under rel is ignored': 'bits 64\ndefault rel\nmov al, [qword 0x1234567890]\nmov eax, [qword 0x1000]\nmov rax, [qword 0x1000]\nmov al, [abs qword 0x1000]\nmov al, [rel qword 0x1000]\ndefault abs\nmov al, [qword 0x1000]',
  'a size on a jump target asks for the near form': 'bits 16\nx: jmp word x\njmp dword x\ncall word x\nbits 32\ny: jmp dword y\njmp word y\nbits 64\nz: jmp qword z\njmp z\nbits 16\njmp x\njmp near word x',
  'sizes that jumps cannot take': 'bits 16\nx: jz word x\njmp byte x\njmp short word x\nloop word x\nbits 32\ny: jz dword y\nbits 64\nz: jmp dword z',
  'structures': 'struc s\n.a: resb 1\n.b: resw 1\nendstruc\nx: istruc s\nat s.b, dw 7\niend\npush s.b\nmov ax, s_size',
};

describe('small sources: same bytes or same errors as nasm', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'asm-oracle-'));
    return () => rmSync(dir, { recursive: true, force: true });
  });
  for (const [name, src] of Object.entries(SNIPPETS)) {
    it(name, () => {
      const file = name.replace(/[^a-z0-9]+/gi, '_') + '.asm';
      writeFileSync(join(dir, file), src + '\n');
      compare(dir, file);
    });
  }
});

/** A small deterministic generator (xorshift) so that failures can be reproduced. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    return x / 0x100000000;
  };
}

const JCC = ['jz', 'jnz', 'jc', 'jnc', 'ja', 'jbe', 'jl', 'jge', 'js', 'jo'];

/**
 * A program of labelled blocks with jumps in both directions and padding of random
 * length, so that many jumps sit near the short/near boundary and growing one pushes others
 * out of reach.
 */
function jumpProgram(seed: number, bits: 16 | 32 | 64): string {
  const r = rng(seed);
  const n = 40;
  const out = [`bits ${bits}`, 'org 0x1000'];
  for (let i = 0; i < n; i++) {
    out.push(`l${i}:`);
    const jumps = 1 + Math.floor(r() * 3);
    for (let j = 0; j < jumps; j++) {
      const target = `l${Math.floor(r() * n)}`;
      const kind = r();
      if (kind < 0.45) out.push(`  jmp ${target}`);
      else if (kind < 0.9) out.push(`  ${JCC[Math.floor(r() * JCC.length)]} ${target}`);
      else out.push(`  call ${target}`);
    }
    const pad = Math.floor(r() * 70);
    if (pad > 0) out.push(`  times ${pad} nop`);
    if (r() < 0.3) out.push(`  mov ${bits === 16 ? 'ax' : 'eax'}, l${Math.floor(r() * n)} - l0`);
    if (r() < 0.2) out.push(`  add ${bits === 16 ? 'bx' : 'ebx'}, l${Math.floor(r() * n)} - l${i}`);
  }
  out.push('  times 16 - ($ - $$) % 16 db 0xcc');
  return out.join('\n');
}

describe('jump relaxation on generated programs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'asm-relax-'));
    return () => rmSync(dir, { recursive: true, force: true });
  });
  for (const bits of [16, 32, 64] as const) {
    for (let seed = 1; seed <= 12; seed++) {
      it(`${bits}-bit program, seed ${seed}`, () => {
        const file = `relax_${bits}_${seed}.asm`;
        writeFileSync(join(dir, file), jumpProgram(seed * 7919 + bits, bits) + '\n');
        compare(dir, file);
      });
    }
  }
});

describe('the nasm used here', () => {
  it('is nasm 2.x', () => {
    expect(execFileSync('nasm', ['-v'], { encoding: 'utf8' })).toMatch(/NASM version 2\./);
  });
});
