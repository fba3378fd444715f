export { lex, type LexResult } from './lexer.ts';
export { checkDelimiters } from './delimiters.ts';
export * from './token.ts';
export { isKeyword, type Edition } from './keywords.ts';
