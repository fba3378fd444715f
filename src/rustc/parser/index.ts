export { Parser, ParseError } from './parser.ts';
export { parseCrateRoot } from './item.ts';
export { parseExpr } from './expr.ts';
export { parseType } from './ty.ts';
export { parsePat } from './pat.ts';
