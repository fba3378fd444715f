// Parsing one file: lexer, delimiter check and parser, with rustc's rules for which of their
// diagnostics are reported. The driver parses each file of a crate with it.
import type { Crate } from '../ast/ast.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { delimiterCheck } from '../lexer/delimiters.ts';
import type { Edition } from '../lexer/keywords.ts';
import { lex } from '../lexer/lexer.ts';
import { parseCrateRoot } from '../parser/item.ts';
import { Parser } from '../parser/parser.ts';
import { SourceMap } from '../span/source-map.ts';

export interface ParseResult {
  ast: Crate;
  diagnostics: Diagnostic[];
  /** The source map the diagnostics' spans refer to (for rendering). */
  sourceMap: SourceMap;
}

export interface ParseOptions {
  edition?: Edition;
  /**
   * Check literal suffixes (`1xyz`, `"s"q`), as rustc does after parsing (default true). Off, the
   * diagnostics are those of `rustc -Zparse-crate-root-only`.
   */
  validateLiterals?: boolean;
  sourceMap?: SourceMap;
}

/**
 * Lexes and parses one file as a crate root. Never throws on any input: malformed source yields
 * diagnostics and as much AST as could be recovered. As rustc does, when delimiters do not
 * balance only the lexer's diagnostics are reported (parse errors would be noise).
 */
export function parseCrate(source: string, fileName: string, options: ParseOptions = {}): ParseResult {
  const sourceMap = options.sourceMap ?? new SourceMap();
  const file = sourceMap.addFile(fileName, source);
  const lexed = lex(source, file.start, options.edition ?? '2021');
  const delims = lexed.fatal ? { diagnostics: [], stoppedAt: null } : delimiterCheck(lexed.tokens, source, file.start);
  const delimDiags = delims.diagnostics;
  // rustc never lexes past an unexpected closing delimiter: drop lexer errors beyond it.
  const lexDiags = delims.stoppedAt === null ? lexed.diagnostics : lexed.diagnostics.filter((d) => (d.spans[0]?.span.lo ?? 0) < delims.stoppedAt!);
  const parser = new Parser(lexed.tokens, file, options.edition ?? '2021');
  let ast: Crate;
  try {
    ast = parseCrateRoot(parser);
  } catch (e) {
    // Only a bug can get here (ParseError is caught per item); keep the promise not to throw.
    ast = { attrs: [], items: [], span: { lo: file.start, hi: file.end } };
    parser.diagnostics.push({ level: 'error', code: null, message: `internal parser error: ${e instanceof Error ? e.message : String(e)}`, spans: [], children: [], suggestions: [] });
  }
  const parseDiags = parser.fatalCount === null ? parser.diagnostics : parser.diagnostics.slice(0, parser.fatalCount);
  const diagnostics = [...lexDiags, ...delimDiags, ...(delimDiags.length > 0 || lexed.fatal ? [] : parseDiags)];
  // Literal suffixes are checked when rustc lowers the AST, which a fatal parse error prevents.
  if (options.validateLiterals !== false && delimDiags.length === 0 && !lexed.fatal && parser.fatalCount === null) diagnostics.push(...parser.literalDiagnostics);
  return { ast, diagnostics, sourceMap };
}

