// Shrinks a program that makes the compiler fail to a small one that still fails the same way
// (delta debugging over tokens: drop chunks of tokens, halving the chunk size when nothing can
// go), so a crash report shows the few tokens that matter.
import { lex } from '../lexer/lexer.ts';

export function minimizeSource(source: string, stillFails: (candidate: string) => boolean, maxTries = 4000): string {
  let text = source;
  let tries = 0;
  const spans = (t: string) => lex(t).tokens.filter((k) => k.kind !== 'eof').map((k) => k.span);
  let chunk = Math.max(1, Math.floor(spans(text).length / 2));
  while (chunk >= 1 && tries < maxTries) {
    let removed = false;
    let toks = spans(text);
    for (let i = 0; i < toks.length && tries < maxTries; ) {
      const end = Math.min(toks.length, i + chunk);
      const candidate = (text.slice(0, toks[i]!.lo) + text.slice(toks[end - 1]!.hi)).replace(/\n\s*\n/g, '\n');
      tries++;
      if (candidate !== text && stillFails(candidate)) {
        text = candidate;
        toks = spans(text);
        removed = true;
      } else i += chunk;
    }
    if (!removed) chunk = Math.floor(chunk / 2);
  }
  return text;
}
