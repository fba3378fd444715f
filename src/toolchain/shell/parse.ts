// Splits a command line into commands the way a POSIX shell does for the parts our shell
// knows: words separated by blanks, '…' (literal) and "…" (with \" \\ \$ escapes) quoting,
// backslash escapes outside quotes, and the separators `;` (run the next one anyway) and `&&`
// (run the next one only if this one succeeded). `#` at the start of a word begins a comment.
// Pipes, redirections and background jobs are refused with a plain message.

export interface ParsedCommand {
  argv: string[];
  /** How the next command depends on this one. */
  then: ';' | '&&' | null;
}

export type ParseResult = { ok: true; commands: ParsedCommand[] } | { ok: false; error: string };

export function parseCommandLine(line: string): ParseResult {
  const commands: ParsedCommand[] = [];
  let argv: string[] = [];
  let word = '';
  let inWord = false;
  const endWord = () => {
    if (inWord) argv.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (then: ';' | '&&' | null, sep: string): string | null => {
    endWord();
    if (argv.length === 0) return then === null ? null : `syntax error near unexpected token \`${sep}'`;
    commands.push({ argv, then });
    argv = [];
    return null;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      endWord();
    } else if (c === '\\') {
      if (i + 1 < line.length) word += line[++i];
      inWord = true;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { ok: false, error: "unexpected EOF while looking for matching `''" };
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1]!)) j++;
        word += line[j];
      }
      if (j >= line.length) return { ok: false, error: 'unexpected EOF while looking for matching `"\'' };
      inWord = true;
      i = j;
    } else if (c === ';') {
      const err = endCommand(';', ';');
      if (err) return { ok: false, error: err };
    } else if (c === '&' && line[i + 1] === '&') {
      const err = endCommand('&&', '&&');
      if (err) return { ok: false, error: err };
      i++;
    } else if (c === '#' && !inWord) {
      break;
    } else if (c === '|' || c === '>' || c === '<' || (c === '&' && line[i + 1] !== '&')) {
      // Said plainly rather than passed on as a word ('cat x | head' would look for a file '|').
      const what = c === '|' ? (line[i + 1] === '|' ? '|| is' : 'pipes (|) are') : c === '&' ? 'background jobs (&) are' : `redirections (${c}) are`;
      return { ok: false, error: `${what} not supported by this shell; use ; or &&` };
    } else {
      word += c;
      inWord = true;
    }
  }
  endWord();
  if (argv.length > 0) commands.push({ argv, then: null });
  else if (commands.length > 0 && commands[commands.length - 1]!.then === '&&') {
    return { ok: false, error: 'syntax error: unexpected end of file' };
  }
  return { ok: true, commands };
}
