import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './parse.ts';

const argvs = (line: string) => {
  const r = parseCommandLine(line);
  if (!r.ok) throw new Error(r.error);
  return r.commands.map((c) => [c.argv, c.then]);
};

describe('parseCommandLine', () => {
  it('splits words on blanks and keeps quoted blanks', () => {
    expect(argvs(`cat  "my file"  'it''s' a\\ b`)).toEqual([[['cat', 'my file', 'its', 'a b'], null]]);
  });
  it('reads escapes inside double quotes only for " \\ $ `', () => {
    expect(argvs(`echo "a\\"b\\n"`)).toEqual([[['echo', 'a"b\\n'], null]]);
  });
  it('separates commands with ; and &&', () => {
    expect(argvs('cd src && ls; pwd')).toEqual([
      [['cd', 'src'], '&&'],
      [['ls'], ';'],
      [['pwd'], null],
    ]);
  });
  it('keeps an empty quoted word and drops comments', () => {
    expect(argvs(`echo "" x # not this`)).toEqual([[['echo', '', 'x'], null]]);
  });
  it('reports an unclosed quote and a separator with no command, as bash does', () => {
    expect(parseCommandLine(`echo 'abc`)).toEqual({ ok: false, error: "unexpected EOF while looking for matching `''" });
    expect(parseCommandLine('&& ls')).toEqual({ ok: false, error: "syntax error near unexpected token `&&'" });
    expect(parseCommandLine('ls &&')).toEqual({ ok: false, error: 'syntax error: unexpected end of file' });
  });
  it('gives no command for a blank line', () => {
    expect(argvs('   ')).toEqual([]);
  });
  it('refuses pipes, redirections and background jobs plainly, but not inside quotes', () => {
    expect(parseCommandLine('cat a | head')).toEqual({ ok: false, error: 'pipes (|) are not supported by this shell; use ; or &&' });
    expect(parseCommandLine('echo x > f')).toEqual({ ok: false, error: 'redirections (>) are not supported by this shell; use ; or &&' });
    expect(parseCommandLine('qemu &')).toEqual({ ok: false, error: 'background jobs (&) are not supported by this shell; use ; or &&' });
    expect(argvs("echo 'a | b' \\>")).toEqual([[['echo', 'a | b', '>'], null]]);
  });
});
