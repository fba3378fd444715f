import { describe, it, expect } from 'vitest';
import { preprocess, findIncludeFile, type PPItem } from './preproc.ts';

function pp(source: string, files: Record<string, string> = {}, includeDirs: string[] = []) {
  return preprocess(source, { fileName: 'main.asm', includeDirs, readFile: (p) => files[p] });
}

/** Non-empty output lines, trimmed. */
function lines(items: readonly PPItem[]): string[] {
  return items.filter((i) => i.kind === 'line').map((i) => (i as { text: string }).text.trim()).filter((t) => t !== '');
}

function errors(items: readonly PPItem[]): string[] {
  return items.filter((i) => i.kind === 'error').map((i) => {
    const e = i as Extract<PPItem, { kind: 'error' }>;
    return `${e.loc.file}:${e.loc.line}: ${e.message}`;
  });
}

describe('single-line macros', () => {
  it('expands %define with and without parameters, recursively', () => {
    const r = pp('%define A 1\n%define B(x) A+x\ndb B(2)\ndb B((1,2))');
    expect(lines(r.items)).toEqual(['db 1+2', 'db 1+(1,2)']);
  });

  it('expands %define at use and %xdefine at definition', () => {
    const r = pp('%xdefine X 1\n%define Y X\n%xdefine Z X\n%define X 2\ndb Y, Z');
    expect(lines(r.items)).toEqual(['db 2, 1']);
  });

  it('is case-sensitive except for %idefine', () => {
    const r = pp('%define abc 1\n%idefine DEF 2\ndb abc, ABC, def, Def');
    expect(lines(r.items)).toEqual(['db 1, ABC, 2, 2']);
  });

  it('does not expand a macro inside its own expansion', () => {
    const r = pp('%define a a+1\ndb a');
    expect(lines(r.items)).toEqual(['db a+1']);
  });

  it('evaluates %assign, and %undef removes a definition', () => {
    const r = pp('%assign i 3\n%assign i i*2+1\ndb i\n%undef i\ndb i');
    expect(lines(r.items)).toEqual(['db 7', 'db i']);
  });

  it('pastes tokens with %+', () => {
    const r = pp('%define CAT(a,b) a %+ b\nCAT(foo, bar): db 1');
    expect(lines(r.items)).toEqual(['foobar: db 1']);
  });

  it('provides the string functions', () => {
    const r = pp('%strlen L "hello"\n%substr S \'hello\', 2, 3\n%strcat C "ab", \'cd\'\n%defstr D x + y\ndb L, S, C, D');
    expect(lines(r.items)).toEqual(["db 5, 'ell', 'abcd', 'x + y'"]);
  });

  it('knows __LINE__ and __FILE__', () => {
    const r = pp('\n\ndw __LINE__\ndb __FILE__');
    expect(lines(r.items)).toEqual(['dw 3', "db 'main.asm'"]);
  });
});

describe('multi-line macros', () => {
  it('substitutes %1..%N and %0, fills defaults, and counts them in %0', () => {
    const r = pp('%macro foo 1-3 7, 9\ndb %0, %1, %2, %3\n%endmacro\nfoo 1\nfoo 1, 2');
    expect(lines(r.items)).toEqual(['db 3, 1, 7, 9', 'db 3, 1, 2, 9']);
  });

  it('gives a greedy last parameter the rest of the line', () => {
    const r = pp('%macro m 1+\ndb %1\n%endmacro\nm 1, 2, 3');
    expect(lines(r.items)).toEqual(['db 1, 2, 3']);
  });

  it('groups a parameter with braces', () => {
    const r = pp('%macro m 2\ndb %2, %1\n%endmacro\nm {1, 2}, 3');
    expect(lines(r.items)).toEqual(['db 3, 1, 2']);
  });

  it('makes %%labels unique per expansion', () => {
    const r = pp('%macro m 0\n%%x: jmp %%x\n%endmacro\nm\nm');
    const out = lines(r.items);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^\.\.@(\d+)\.x: jmp \.\.@\1\.x$/);
    expect(out[1]).toMatch(/^\.\.@(\d+)\.x: jmp \.\.@\1\.x$/);
    expect(out[0]).not.toEqual(out[1]);
  });

  it('rotates parameters inside %rep', () => {
    const r = pp('%macro m 1-*\n%rep %0\npush %1\n%rotate 1\n%endrep\n%endmacro\nm ax, bx, cx');
    expect(lines(r.items)).toEqual(['push ax', 'push bx', 'push cx']);
  });

  it('emits a label written before a macro call on its own line', () => {
    const r = pp('%macro m 0\nnop\n%endmacro\nhere: m');
    expect(lines(r.items)).toEqual(['here:', 'nop']);
  });

  it('leaves a call with the wrong number of parameters alone', () => {
    const r = pp('%macro m 2\nnop\n%endmacro\nm 1');
    expect(lines(r.items)).toEqual(['m 1']);
  });

  it('places lines from a macro at the call, with the body lines as a trail', () => {
    const r = pp('%macro inner 1\nmov ax, %1\n%endmacro\n%macro outer 1\ninner %1\n%endmacro\nouter 5');
    const line = r.items.find((i) => i.kind === 'line' && i.text.includes('mov'))!;
    expect(line.loc.line).toBe(7);
    expect(line.loc.trail).toEqual([
      { file: 'main.asm', line: 5, name: 'outer' },
      { file: 'main.asm', line: 2, name: 'inner' },
    ]);
  });

  it('stops a runaway recursive macro', () => {
    const r = pp('%macro m 0\nm\n%endmacro\nm');
    expect(r.fatal).toBe(true);
    expect(errors(r.items)[0]).toMatch(/interminable macro recursion/);
  });
});

describe('%rep', () => {
  it('repeats with %assign and stops at %exitrep', () => {
    const r = pp('%assign i 0\n%rep 10\n%if i == 3\n%exitrep\n%endif\ndb i\n%assign i i+1\n%endrep');
    expect(lines(r.items)).toEqual(['db 0', 'db 1', 'db 2']);
  });

  it('nests', () => {
    const r = pp('%rep 2\n%rep 2\nnop\n%endrep\nhlt\n%endrep');
    expect(lines(r.items)).toEqual(['nop', 'nop', 'hlt', 'nop', 'nop', 'hlt']);
  });

  it('keeps the body lines\' own line numbers', () => {
    const r = pp('%rep 2\nnop\n%endrep');
    expect(r.items.filter((i) => i.kind === 'line' && i.text === 'nop').map((i) => i.loc.line)).toEqual([2, 2]);
  });
});

describe('conditional assembly', () => {
  it('takes the first true branch of %if/%elif/%else', () => {
    const src = (x: number) => `%define X ${x}\n%if X == 1\none\n%elif X == 2\ntwo\n%else\nother\n%endif`;
    expect(lines(pp(src(1)).items)).toEqual(['one']);
    expect(lines(pp(src(2)).items)).toEqual(['two']);
    expect(lines(pp(src(3)).items)).toEqual(['other']);
  });

  it('supports %ifdef, %ifndef, %ifmacro, %ifidn(i), %ifnum, %ifstr, %ifempty', () => {
    const r = pp([
      '%define D', '%macro M 1', '%endmacro',
      '%ifdef D', 'a', '%endif', '%ifndef E', 'b', '%endif', '%ifmacro M', 'c', '%endif',
      '%ifidn x, x', 'd', '%endif', '%ifidni x, X', 'e', '%endif', '%ifnidn x, y', 'f', '%endif',
      '%ifnum 12', 'g', '%endif', '%ifstr "s"', 'h', '%endif', '%ifempty', 'i', '%endif',
    ].join('\n'));
    expect(lines(r.items)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
  });

  it('ignores everything but nesting inside a false branch', () => {
    const r = pp('%if 0\n%if 1\nx\n%else\ny\n%endif\n%error not me\n%else\nz\n%endif');
    expect(lines(r.items)).toEqual(['z']);
    expect(errors(r.items)).toEqual([]);
  });

  it('reports an identifier that is not a macro as NASM does', () => {
    expect(errors(pp('%if foo\n%endif').items)).toEqual(["main.asm:1: symbol `foo' not defined before use"]);
  });

  it('reports unbalanced directives', () => {
    expect(errors(pp('%endif').items)).toEqual(["main.asm:1: `%endif': no matching `%if'"]);
    const r = pp('%if 1\n');
    expect(r.fatal).toBe(true);
    expect(errors(r.items)).toEqual(["main.asm:2: expected `%endif' before end of file"]);
  });
});

describe('%include', () => {
  it('searches the name as given, then each -i prefix in order', () => {
    const files = { 'a/x.inc': 'db 1', 'b/x.inc': 'db 2', 'y.inc': 'db 3' };
    expect(lines(pp('%include "x.inc"', files, ['a/', 'b/']).items)).toEqual(['db 1']);
    expect(lines(pp('%include "x.inc"', files, ['b/', 'a/']).items)).toEqual(['db 2']);
    expect(lines(pp('%include "y.inc"', files, ['a/']).items)).toEqual(['db 3']);
  });

  it('names the included file in locations', () => {
    const r = pp('nop\n%include "inc/x.inc"', { 'inc/x.inc': '\nhlt' });
    const hlt = r.items.find((i) => i.kind === 'line' && i.text === 'hlt')!;
    expect(hlt.loc).toEqual({ file: 'inc/x.inc', line: 2 });
  });

  it('stops with NASM\'s message when the file is missing', () => {
    const r = pp('%include "nofile.inc"\ndb 1');
    expect(r.fatal).toBe(true);
    expect(errors(r.items)).toEqual(["main.asm:1: unable to open include file `nofile.inc': No such file or directory"]);
  });

  it('findIncludeFile does not look next to the including file', () => {
    expect(findIncludeFile('b.inc', [], (p) => ({ 'sub/b.inc': 'x' } as Record<string, string>)[p])).toBeUndefined();
  });
});

describe('lines', () => {
  it('joins a line ending in a backslash with the next, numbered as the first', () => {
    const r = pp('db 1, \\\n  2\nnop');
    expect(r.items.filter((i) => i.kind === 'line').map((i) => [i.loc.line, (i as { text: string }).text.trim()]))
      .toEqual([[1, 'db 1,   2'], [3, 'nop']]);
  });

  it('turns %error into an error at its line and ignores %warning', () => {
    const r = pp('nop\n%warning careful\n%error "stop here"');
    expect(errors(r.items)).toEqual(['main.asm:3: stop here']);
  });

  it('rejects unknown directives', () => {
    expect(errors(pp('%frobnicate').items)).toEqual(["main.asm:1: unknown preprocessor directive `%frobnicate'"]);
  });
});
