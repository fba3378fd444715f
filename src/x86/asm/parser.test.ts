import { describe, it, expect } from 'vitest';
import { LineParser, ParseError, type ParsedLine } from './parser.ts';

function parseAll(...lines: string[]): ParsedLine[] {
  const p = new LineParser();
  return lines.map((l) => p.parse(l));
}

function parse(line: string): ParsedLine {
  return new LineParser().parse(line);
}

describe('labels', () => {
  it('takes a lone word that is not an instruction as a label', () => {
    expect(parse('foo')).toEqual({ label: 'foo', stmt: { kind: 'empty' } });
    expect(parse('foo:')).toEqual({ label: 'foo', stmt: { kind: 'empty' } });
    expect(parse('cli').stmt).toMatchObject({ kind: 'insn', mnemonic: 'cli', operands: [] });
  });

  it('takes the first word as a label when an instruction follows, with or without a colon', () => {
    expect(parse('msg db 1')).toMatchObject({ label: 'msg', stmt: { kind: 'data', unit: 1 } });
    expect(parse('start: MOV AX, BX')).toMatchObject({ label: 'start', stmt: { kind: 'insn', mnemonic: 'mov' } });
  });

  it('accepts an instruction name as a label when a colon follows', () => {
    expect(parse('loop: jmp loop')).toMatchObject({ label: 'loop', stmt: { kind: 'insn', mnemonic: 'jmp' } });
  });

  it('scopes .local names to the last plain label; equ and ..@ names do not change it', () => {
    const [a, b, c, d, e] = parseAll('outer:', '.x: dw .x', 'k equ 1', '..@1.m: dw .y', 'next: dw outer.x');
    expect(a.label).toBe('outer');
    expect(b.label).toBe('outer.x');
    expect(b.stmt).toMatchObject({ items: [{ kind: 'expr', expr: { k: 'sym', name: 'outer.x' } }] });
    expect(c).toMatchObject({ label: 'k', stmt: { kind: 'equ' } });
    expect(d.label).toBe('..@1.m');
    expect(d.stmt).toMatchObject({ items: [{ expr: { k: 'sym', name: 'outer.y' } }] });
    expect(e.stmt).toMatchObject({ items: [{ expr: { k: 'sym', name: 'outer.x' } }] });
  });

  it('treats a $-escaped keyword as a name', () => {
    expect(parse('$mov: dw $mov')).toMatchObject({ label: 'mov' });
  });

  it('rejects lines that are neither', () => {
    expect(() => parse('foo bar')).toThrow(new ParseError('parser: instruction expected'));
    expect(() => parse('123')).toThrow(new ParseError('label or instruction expected at start of line'));
    expect(() => parse('ax')).toThrow(new ParseError('label or instruction expected at start of line'));
    expect(() => parse('equ 5')).toThrow(new ParseError('EQU not preceded by label'));
  });
});

describe('instructions', () => {
  it('collects prefixes', () => {
    expect(parse('lock rep o16 a32 movsb').stmt).toEqual({
      kind: 'insn', mnemonic: 'movsb', operands: [], lock: true, rep: 'rep', opsize: 2, addrsize: 4,
    });
    expect(parse('repz cmpsb').stmt).toMatchObject({ rep: 'repe' });
    expect(parse('repnz scasb').stmt).toMatchObject({ rep: 'repne' });
    expect(parse('es lodsb').stmt).toMatchObject({ segPrefix: { name: 'es' } });
  });

  it('parses register, immediate, memory and far operands with their keywords', () => {
    const s = parse('mov word [es:bx+si*1+4], strict byte 5').stmt;
    expect(s).toMatchObject({
      kind: 'insn',
      operands: [
        { kind: 'mem', size: 2, seg: { name: 'es' }, hasRegs: true },
        { kind: 'imm', size: 1, strict: true, expr: { k: 'num', v: 5n } },
      ],
    });
    expect(parse('mov al, cs:[bx]').stmt).toMatchObject({ operands: [{ kind: 'reg' }, { kind: 'mem', seg: { name: 'cs' } }] });
    expect(parse('mov eax, [byte eax+4]').stmt).toMatchObject({ operands: [{}, { kind: 'mem', dispSize: 1 }] });
    expect(parse('mov eax, [rel x]').stmt).toMatchObject({ operands: [{}, { kind: 'mem', rel: true }] });
    expect(parse('mov eax, [abs x]').stmt).toMatchObject({ operands: [{}, { kind: 'mem', rel: false }] });
    expect(parse('jmp short x').stmt).toMatchObject({ operands: [{ kind: 'imm', dist: 'short' }] });
    expect(parse('jmp 0x08:start').stmt).toMatchObject({ operands: [{ kind: 'far', selector: { v: 8n } }] });
    expect(parse('jmp dword 0x08:start').stmt).toMatchObject({ operands: [{ kind: 'far', size: 4 }] });
    expect(parse('call far [bx]').stmt).toMatchObject({ far: true, operands: [{ kind: 'mem' }] });
  });

  it('says what is wrong after an operand', () => {
    expect(() => parse('mov ax, 1)')).toThrow('comma, colon, decorator or end of line expected after operand');
    expect(() => parse('mov ax, [bx')).toThrow('expecting ] at end of memory operand');
    expect(() => parse('mov ax,')).toThrow('expression syntax error');
    expect(() => parse('jmp far label')).toThrow('binary output format does not support segment base references');
  });
});

describe('data and directives', () => {
  it('parses data items: strings, expressions, floats and ?', () => {
    expect(parse("db 'ab', 'a'+1, ?, -1.5").stmt).toMatchObject({
      kind: 'data', unit: 1,
      items: [{ kind: 'str' }, { kind: 'expr' }, { kind: 'undef' }, { kind: 'float', text: '1.5', negative: true }],
    });
    expect(parse('dq 1').stmt).toMatchObject({ unit: 8 });
    expect(parse('resw 4').stmt).toMatchObject({ kind: 'res', unit: 2 });
  });

  it('parses times, folding nested times into one count', () => {
    expect(parse('times 510-($-$$) db 0').stmt).toMatchObject({ kind: 'times', body: { kind: 'data' } });
    expect(parse('times 2 times 3 nop').stmt).toMatchObject({ kind: 'times', count: { k: 'bin', op: '*' } });
  });

  it('parses directives in both spellings', () => {
    expect(parse('bits 32').stmt).toEqual({ kind: 'bits', bits: 32 });
    expect(parse('[BITS 64]').stmt).toEqual({ kind: 'bits', bits: 64 });
    expect(parse('use16').stmt).toEqual({ kind: 'bits', bits: 16 });
    expect(parse('[org 0x7c00]').stmt).toMatchObject({ kind: 'org' });
    expect(parse('section .data align=16').stmt).toEqual({ kind: 'section', name: '.data', align: 16 });
    expect(parse('segment .bss nobits').stmt).toEqual({ kind: 'section', name: '.bss', nobits: true });
    expect(parse('default rel').stmt).toEqual({ kind: 'default', rel: true });
    expect(parse('cpu 386').stmt).toEqual({ kind: 'ignored' });
    expect(parse('global _start').stmt).toEqual({ kind: 'global', names: [{ name: '_start' }] });
    expect(parse('global f:function (f.end - f), g').stmt).toEqual({ kind: 'global', names: [{ name: 'f', special: 'function ( f.end - f )' }, { name: 'g' }] });
    expect(parse('extern a, b').stmt).toEqual({ kind: 'extern', names: ['a', 'b'] });
    expect(parse('align 16, db 0').stmt).toMatchObject({ kind: 'align', b: false, fill: { kind: 'data' } });
    expect(parse('alignb 4').stmt).toMatchObject({ kind: 'align', b: true });
    expect(parse('incbin "f.bin", 2, 3').stmt).toMatchObject({ kind: 'incbin', file: 'f.bin' });
  });

  it('lets words that are directives only in brackets be labels', () => {
    expect(parse('list: db 1')).toMatchObject({ label: 'list' });
    expect(parse('map')).toMatchObject({ label: 'map' });
  });

  it('parses structures', () => {
    const [a, b, c, d, e] = parseAll('struc pt', '.x: resw 1', 'endstruc', 'p: istruc pt', 'at pt.x, dw 1');
    expect(a.stmt).toEqual({ kind: 'struc', name: 'pt' });
    expect(b.label).toBe('pt.x');
    expect(c.stmt).toEqual({ kind: 'endstruc' });
    expect(d).toMatchObject({ label: 'p', stmt: { kind: 'istruc', name: 'pt' } });
    expect(e.stmt).toMatchObject({ kind: 'at', body: { kind: 'data' } });
  });

  it('rejects a bad segment size with nasm\'s message', () => {
    expect(() => parse('bits 33')).toThrow("`33' is not a valid segment size; must be 16, 32 or 64");
  });
});
