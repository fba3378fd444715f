// E0764: a `const` or an immutable `static` whose initializer mutably borrows a temporary
// (`const CURSOR: &mut usize = &mut 0;`). That temporary would live for the whole program as
// hidden global mutable state, so rustc refuses it (a `static mut` may do it).
import { error } from '../diagnostics/diagnostic.ts';
import type { Expr } from '../thir/thir.ts';
import type { PassContext } from './context.ts';
import { ThirVisitor } from './visit.ts';

/** Whether a place lives in a static (borrowing it mutably is another error, not this one). */
function inStatic(p: Expr): boolean {
  switch (p.kind) {
    case 'static':
      return true;
    case 'field':
    case 'index':
    case 'rangeIndex':
      return inStatic(p.base);
    default:
      return false;
  }
}

export function checkConstBorrows(ctx: PassContext): void {
  const items = [...ctx.crate.consts.filter((c) => c.crate === ctx.crate.name), ...ctx.crate.statics.filter((s) => s.crate === ctx.crate.name && !s.mut)];
  items.sort((a, b) => a.span.lo - b.span.lo);
  for (const item of items) {
    if (!item.init) continue;
    new (class extends ThirVisitor {
      override visitExpr(e: Expr): void {
        if (e.kind === 'addrOf' && e.mut && !e.raw && !inStatic(e.place)) {
          ctx.out.push(
            error('mutable borrows of temporaries that have their lifetime extended until the end of the program are not allowed', 'E0764')
              .primary(e.span, 'this mutable borrow refers to such a temporary')
              .note('temporaries in constants and statics can have their lifetime extended until the end of the program')
              .note('to avoid accidentally creating global mutable state, such temporaries must be immutable')
              .help('if you really want global mutable state, try replacing the temporary by an interior mutable `static` or a `static mut`')
              .build(),
          );
        }
        this.walkExpr(e);
      }
    })().visitExpr(item.init);
  }
}
