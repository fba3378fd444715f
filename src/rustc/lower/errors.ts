// The one failure lowering may report: a construct it cannot lower, or a state the type checker
// promised never to produce. The driver turns it into `internal compiler error: …`; it is never a
// plain exception escaping the compiler.
import type { Span } from '../span/span.ts';

export class InternalCompilerError extends Error {
  constructor(message: string, readonly span?: Span) {
    super(message);
    this.name = 'InternalCompilerError';
  }
}

export function ice(message: string, span?: Span): never {
  throw new InternalCompilerError(message, span);
}
