import { describe, expect, it } from 'vitest';
import { LineEditor } from './line-editor.ts';

function lines(ed: LineEditor, data: string): string[] {
  return ed.feed(data).events.flatMap((e) => (e.type === 'line' ? [e.line] : [`<${e.type}>`]));
}

describe('LineEditor', () => {
  it('enters typed text on Enter and echoes prompt and text', () => {
    const ed = new LineEditor('$ ');
    const { echo, events } = ed.feed('ls\r');
    expect(events).toEqual([{ type: 'line', line: 'ls' }]);
    expect(echo).toContain('$ ls');
    expect(echo.endsWith('\r\n')).toBe(true);
  });
  it('inserts at the cursor after ←, deletes with Backspace and Delete', () => {
    const ed = new LineEditor('$ ');
    expect(lines(ed, 'lx\x1b[Ds\r')).toEqual(['lsx']);
    expect(lines(ed, 'abc\x7f\x7fd\r')).toEqual(['ad']);
    expect(lines(ed, 'abc\x1b[H\x1b[3~\r')).toEqual(['bc']);
  });
  it('moves to the start and end with Ctrl+A and Ctrl+E', () => {
    const ed = new LineEditor('$ ');
    expect(lines(ed, 'bc\x01a\x05d\r')).toEqual(['abcd']);
  });
  it('cuts with Ctrl+U, Ctrl+K and Ctrl+W', () => {
    const ed = new LineEditor('$ ');
    expect(lines(ed, 'rm -rf src\x15ls\r')).toEqual(['ls']);
    expect(lines(ed, 'cat a b\x1b[D\x1b[D\x0b\r')).toEqual(['cat a']);
    expect(lines(ed, 'cat src/main.rs  \x17Cargo.toml\r')).toEqual(['cat Cargo.toml']);
  });
  it('walks the history with ↑ and ↓ and keeps the line being typed', () => {
    const ed = new LineEditor('$ ');
    lines(ed, 'one\rtwo\r');
    expect(lines(ed, '\x1b[A\x1b[A\r')).toEqual(['one']);
    ed.feed('dr');
    ed.feed('\x1b[A');
    expect(ed.line).toBe('one');
    ed.feed('\x1b[B\x1b[B\x1b[B');
    expect(ed.line).toBe('dr');
    expect(ed.history).toEqual(['one', 'two', 'one']);
  });
  it('drops the line on Ctrl+C and asks for a clear screen on Ctrl+L', () => {
    const ed = new LineEditor('$ ');
    const r = ed.feed('qemu\x03');
    expect(r.events).toEqual([{ type: 'interrupt' }]);
    expect(r.echo).toContain('^C\r\n');
    expect(ed.line).toBe('');
    expect(lines(ed, '\x0c')).toEqual(['<clear>']);
  });
  it('takes a pasted block of lines one by one', () => {
    const ed = new LineEditor('$ ');
    expect(lines(ed, 'pwd\r\nls\r\n')).toEqual(['pwd', 'ls']);
  });
  it('draws the line with the cursor moved back from the end', () => {
    const ed = new LineEditor('> ');
    expect(ed.feed('abc\x1b[D\x1b[D').echo.endsWith('\r> abc\x1b[K\x1b[2D')).toBe(true);
  });
});

describe('LineEditor completion', () => {
  const words = ['Cargo.toml', 'src/', 'x86_64-blog_os.json'];
  const completer = (line: string, cursor: number) => {
    const start = line.lastIndexOf(' ', cursor - 1) + 1;
    const word = line.slice(start, cursor);
    return { start, candidates: words.filter((w) => w.startsWith(word)) };
  };
  it('completes a single candidate, with a space after a file and none after a directory', () => {
    const ed = new LineEditor('$ ');
    ed.completer = completer;
    ed.feed('cat C\t');
    expect(ed.line).toBe('cat Cargo.toml ');
    ed.feed('\x15ls s\t');
    expect(ed.line).toBe('ls src/');
  });
  it('lists the candidates when they share nothing more', () => {
    const ed = new LineEditor('$ ');
    ed.completer = (line, cursor) => ({ start: cursor, candidates: ['Cargo.toml', 'src/'] });
    const { echo } = ed.feed('ls \t');
    expect(echo).toContain('\r\nCargo.toml  src/\r\n');
    expect(ed.line).toBe('ls ');
  });
});
