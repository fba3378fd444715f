// Prints an AST back as Rust source. Used by tests (parse → print → parse must give the same
// tree) and handy for debugging; the output is normalised (four-space indentation, one item per
// line), not the original formatting. Parentheses come only from `paren` nodes, so the tree's
// shape is preserved exactly.
import type * as A from '../ast/ast.ts';

export function printCrate(c: A.Crate): string {
  const w = new Writer();
  for (const a of c.attrs) w.line(attr(a));
  for (const it of c.items) item(w, it);
  return w.out;
}

class Writer {
  out = '';
  indent = 0;
  line(s: string): void {
    this.out += '    '.repeat(this.indent) + s + '\n';
  }
}

function tt(t: A.TokenTree): string {
  if ('kind' in t && t.kind === 'group') {
    const close = t.delim === '(' ? ')' : t.delim === '[' ? ']' : '}';
    return t.delim + t.tts.map(tt).join(' ') + close;
  }
  const tok = t as import('../lexer/token.ts').Token;
  if (tok.kind === 'ident' && tok.raw) return 'r#' + tok.text;
  if (tok.kind === 'lit') return tok.lit!.symbol + tok.lit!.suffix;
  if (tok.kind === 'doc') return tok.doc!.block ? `/*${tok.doc!.inner ? '!' : '*'}${tok.doc!.text}*/` : `//${tok.doc!.inner ? '!' : '/'}${tok.doc!.text}\n`;
  return tok.text;
}

function attr(a: A.Attribute): string {
  if (a.doc !== undefined) {
    return a.doc.includes('\n') || a.doc.includes('*/') ? `#${a.inner ? '!' : ''}[doc = ${JSON.stringify(a.doc)}]` : `/*${a.inner ? '!' : '*'}${a.doc}*/`;
  }
  const body = path(a.path) + (a.tts.length ? ' ' + a.tts.map(tt).join(' ') : '');
  return `#${a.inner ? '!' : ''}[${a.unsafe ? `unsafe(${body})` : body}]`;
}

function ident(i: A.Ident): string {
  return (i.raw ? 'r#' : '') + i.name;
}

function path(p: A.Path, qself?: A.QSelf): string {
  const segs = p.segments.map((s) => ident(s.ident) + (s.args ? genericArgs(s.args, true) : ''));
  if (qself) {
    const traitPart = segs.slice(0, qself.position);
    const rest = segs.slice(qself.position);
    const head = traitPart.length ? `<${ty(qself.ty)} as ${p.global ? '::' : ''}${traitPart.join('::')}>` : `<${ty(qself.ty)}>`;
    return [head, ...rest].join('::');
  }
  return (p.global ? '::' : '') + segs.join('::');
}

/** Arguments are printed with `::` before `<` everywhere: valid in types and required in expressions. */
function genericArgs(g: A.GenericArgs, turbofish: boolean): string {
  if (g.kind === 'paren') return `(${g.inputs.map((t) => ty(t)).join(', ')})${g.output ? ' -> ' + ty(g.output) : ''}`;
  const args = g.args.map((a) => {
    switch (a.kind) {
      case 'type':
        return ty(a.ty);
      case 'lifetime':
        return a.name;
      case 'const':
        return expr(a.expr);
      case 'binding':
        return ident(a.ident) + (a.args ? genericArgs(a.args, false) : '') + (a.ty ? ' = ' + ty(a.ty) : a.expr ? ' = ' + expr(a.expr) : ': ' + bounds(a.bounds ?? []));
    }
  });
  return `${turbofish ? '::' : ''}<${args.join(', ')}>`;
}

function bounds(bs: A.Bound[]): string {
  return bs
    .map((b) => {
      if (b.kind === 'lifetime') return b.name;
      if (b.kind === 'use') return `use<${b.args.join(', ')}>`;
      const inner = forLts(b.forLifetimes) + (b.modifier === '' ? '' : b.modifier === '?' ? '?' : b.modifier + ' ') + path(b.path);
      return b.paren ? `(${inner})` : inner;
    })
    .join(' + ');
}

function forLts(ps: A.GenericParam[]): string {
  return ps.length ? `for${genericParams(ps)} ` : '';
}

function genericParams(ps: A.GenericParam[]): string {
  if (ps.length === 0) return '';
  return (
    '<' +
    ps
      .map((p) => {
        const at = p.attrs.map((a) => attr(a) + ' ').join('');
        if (p.kind === 'lifetime') return at + p.name + (p.bounds.length ? ': ' + p.bounds.join(' + ') : '');
        if (p.kind === 'type') return at + ident(p.ident) + (p.bounds.length ? ': ' + bounds(p.bounds) : '') + (p.default ? ' = ' + ty(p.default) : '');
        return at + `const ${ident(p.ident)}: ${ty(p.ty)}` + (p.default ? ' = ' + expr(p.default) : '');
      })
      .join(', ') +
    '>'
  );
}

function whereClause(g: A.Generics): string {
  if (g.where.length === 0) return '';
  return (
    ' where ' +
    g.where
      .map((w) => (w.kind === 'lifetime' ? `${w.name}: ${w.bounds.join(' + ')}` : `${forLts(w.forLifetimes)}${ty(w.ty)}: ${bounds(w.bounds)}`))
      .join(', ')
  );
}

export function ty(t: A.Type): string {
  switch (t.kind) {
    case 'path':
      return path(t.path, t.qself);
    case 'ref':
      return '&' + (t.lifetime ? t.lifetime + ' ' : '') + (t.mut ? 'mut ' : '') + ty(t.ty);
    case 'ptr':
      return (t.mut ? '*mut ' : '*const ') + ty(t.ty);
    case 'array':
      return `[${ty(t.ty)}; ${expr(t.len)}]`;
    case 'slice':
      return `[${ty(t.ty)}]`;
    case 'tuple':
      return t.elems.length === 1 ? `(${ty(t.elems[0]!)},)` : `(${t.elems.map(ty).join(', ')})`;
    case 'paren':
      return `(${ty(t.ty)})`;
    case 'fn': {
      const ps = t.params.map((p) => (p.name ? p.name.name + ': ' : '') + ty(p.ty));
      if (t.variadic) ps.push('...');
      return `${forLts(t.forLifetimes)}${t.unsafe ? 'unsafe ' : ''}${t.abi !== undefined ? `extern ${JSON.stringify(t.abi)} ` : ''}fn(${ps.join(', ')})${t.ret ? ' -> ' + ty(t.ret) : ''}`;
    }
    case 'never':
      return '!';
    case 'impl':
      return 'impl ' + bounds(t.bounds);
    case 'dyn':
      return (t.explicit ? 'dyn ' : '') + bounds(t.bounds);
    case 'infer':
      return '_';
    case 'macro':
      return mac(t.mac);
    case 'err':
      return '_';
  }
}

function mac(m: A.MacCall): string {
  const close = m.delim === '(' ? ')' : m.delim === '[' ? ']' : '}';
  return `${path(m.path)}!${m.delim}${m.tts.map(tt).join(' ')}${close}`;
}

export function pat(p: A.Pat): string {
  switch (p.kind) {
    case 'wild':
      return '_';
    case 'rest':
      return '..';
    case 'ident':
      return (p.byRef ? (p.refMut ? 'ref mut ' : 'ref ') : p.mut ? 'mut ' : '') + ident(p.ident) + (p.sub ? ' @ ' + pat(p.sub) : '');
    case 'lit':
      return expr(p.expr);
    case 'range':
      return (p.lo ? expr(p.lo) : '') + p.end + (p.hi ? expr(p.hi) : '');
    case 'ref':
      return '&' + (p.mut ? 'mut ' : '') + pat(p.pat);
    case 'tuple':
      return p.elems.length === 1 && p.elems[0]!.kind !== 'rest' ? `(${pat(p.elems[0]!)},)` : `(${p.elems.map(pat).join(', ')})`;
    case 'slice':
      return `[${p.elems.map(pat).join(', ')}]`;
    case 'path':
      return path(p.path, p.qself);
    case 'tupleStruct':
      return `${path(p.path, p.qself)}(${p.elems.map(pat).join(', ')})`;
    case 'struct': {
      const fs = p.fields.map((f) => f.attrs.map((a) => attr(a) + ' ').join('') + (f.shorthand ? pat(f.pat) : `${ident(f.ident)}: ${pat(f.pat)}`));
      if (p.rest) fs.push('..');
      return `${path(p.path, p.qself)} { ${fs.join(', ')} }`;
    }
    case 'or':
      return p.pats.map(pat).join(' | ');
    case 'paren':
      return `(${pat(p.pat)})`;
    case 'box':
      return 'box ' + pat(p.pat);
    case 'macro':
      return mac(p.mac);
    case 'err':
      return '_';
  }
}

function label(l: A.Label | undefined): string {
  return l ? l.name + ': ' : '';
}

export function expr(e: A.Expr, ind = 0): string {
  switch (e.kind) {
    case 'lit':
      return e.lit.kind === 'bool' ? e.lit.symbol : e.lit.symbol + e.lit.suffix;
    case 'path':
      return path(e.path, e.qself);
    case 'unary':
      return e.op + expr(e.expr, ind);
    case 'binary':
      return `${expr(e.lhs, ind)} ${e.op} ${expr(e.rhs, ind)}`;
    case 'assign':
      return `${expr(e.lhs, ind)} = ${expr(e.rhs, ind)}`;
    case 'assignOp':
      return `${expr(e.lhs, ind)} ${e.op}= ${expr(e.rhs, ind)}`;
    case 'cast':
      return `${expr(e.expr, ind)} as ${ty(e.ty)}`;
    case 'call':
      return `${expr(e.func, ind)}(${e.args.map((a) => expr(a, ind)).join(', ')})`;
    case 'methodCall':
      return `${expr(e.receiver, ind)}.${ident(e.seg.ident)}${e.seg.args ? genericArgs(e.seg.args, true) : ''}(${e.args.map((a) => expr(a, ind)).join(', ')})`;
    case 'field':
      // A space keeps `x.0 .1` from lexing as a float in tuple-of-tuple access.
      return `${expr(e.expr, ind)}.${ident(e.name)}`;
    case 'index':
      return `${expr(e.expr, ind)}[${expr(e.index, ind)}]`;
    case 'ref':
      return '&' + (e.raw ? (e.mut ? 'raw mut ' : 'raw const ') : e.mut ? 'mut ' : '') + expr(e.expr, ind);
    case 'range':
      return (e.lo ? expr(e.lo, ind) : '') + e.limits + (e.hi ? expr(e.hi, ind) : '');
    case 'try':
      return expr(e.expr, ind) + '?';
    case 'await':
      return expr(e.expr, ind) + '.await';
    case 'tuple':
      return e.elems.length === 1 ? `(${expr(e.elems[0]!, ind)},)` : `(${e.elems.map((x) => expr(x, ind)).join(', ')})`;
    case 'array':
      return `[${e.elems.map((x) => expr(x, ind)).join(', ')}]`;
    case 'repeat':
      return `[${expr(e.expr, ind)}; ${expr(e.count, ind)}]`;
    case 'struct': {
      const fs = e.fields.map((f) => f.attrs.map((a) => attr(a) + ' ').join('') + (f.shorthand ? ident(f.ident) : `${ident(f.ident)}: ${expr(f.expr, ind)}`));
      if (e.rest === 'rest') fs.push('..');
      else if (e.rest) fs.push('..' + expr(e.rest, ind));
      return `${path(e.path, e.qself)} { ${fs.join(', ')} }`;
    }
    case 'paren':
      return `(${expr(e.expr, ind)})`;
    case 'block':
      return label(e.label) + (e.unsafe ? 'unsafe ' : '') + (e.const ? 'const ' : '') + (e.async ? 'async ' : '') + (e.move ? 'move ' : '') + block(e.block, ind);
    case 'if':
      return `if ${expr(e.cond, ind)} ${block(e.then, ind)}${e.else ? ' else ' + expr(e.else, ind) : ''}`;
    case 'let':
      return `let ${pat(e.pat)} = ${expr(e.expr, ind)}`;
    case 'while':
      return `${label(e.label)}while ${expr(e.cond, ind)} ${block(e.body, ind)}`;
    case 'loop':
      return `${label(e.label)}loop ${block(e.body, ind)}`;
    case 'for':
      return `${label(e.label)}for ${pat(e.pat)} in ${expr(e.iter, ind)} ${block(e.body, ind)}`;
    case 'match': {
      const pad = '    '.repeat(ind + 1);
      const arms = e.arms.map((a) => `${pad}${a.attrs.map((x) => attr(x) + ' ').join('')}${pat(a.pat)}${a.guard ? ' if ' + expr(a.guard, ind + 1) : ''} => ${expr(a.body, ind + 1)},\n`);
      return `match ${expr(e.expr, ind)} {\n${arms.join('')}${'    '.repeat(ind)}}`;
    }
    case 'closure': {
      const ps = e.params.map((p) => p.attrs.map((a) => attr(a) + ' ').join('') + pat(p.pat) + (p.ty ? ': ' + ty(p.ty) : ''));
      return `${e.async ? 'async ' : ''}${e.move ? 'move ' : ''}|${ps.join(', ')}|${e.ret ? ' -> ' + ty(e.ret) : ''} ${expr(e.body, ind)}`;
    }
    case 'break':
      return 'break' + (e.label ? ' ' + e.label.name : '') + (e.expr ? ' ' + expr(e.expr, ind) : '');
    case 'continue':
      return 'continue' + (e.label ? ' ' + e.label.name : '');
    case 'return':
      return 'return' + (e.expr ? ' ' + expr(e.expr, ind) : '');
    case 'macro':
      return mac(e.mac);
    case 'underscore':
      return '_';
    case 'err':
      return '()';
  }
}

function block(b: A.Block, ind: number): string {
  if (b.stmts.length === 0) return '{}';
  const w = new Writer();
  w.indent = ind + 1;
  for (const s of b.stmts) stmt(w, s);
  return '{\n' + w.out + '    '.repeat(ind) + '}';
}

function stmt(w: Writer, s: A.Stmt): void {
  switch (s.kind) {
    case 'let':
      w.line(
        s.attrs.map((a) => attr(a) + ' ').join('') +
          `let ${pat(s.pat)}${s.ty ? ': ' + ty(s.ty) : ''}${s.init ? ' = ' + expr(s.init, w.indent) : ''}${s.else ? ' else ' + block(s.else, w.indent) : ''};`,
      );
      return;
    case 'item':
      item(w, s.item);
      return;
    case 'expr':
      w.line(s.attrs.map((a) => attr(a) + ' ').join('') + expr(s.expr, w.indent) + (s.semi ? ';' : ''));
      return;
    case 'empty':
      w.line(';');
      return;
  }
}

function vis(v: A.Visibility): string {
  if (v.kind === 'inherited') return '';
  if (v.kind === 'pub') return 'pub ';
  return `pub(${v.in ? 'in ' : ''}${path(v.path)}) `;
}

function variantData(d: A.VariantData, ind: number): string {
  if (d.kind === 'unit') return '';
  const fs = d.fields.map((f) => f.attrs.map((a) => attr(a) + ' ').join('') + vis(f.vis) + (f.ident ? ident(f.ident) + ': ' : '') + ty(f.ty));
  if (d.kind === 'tuple') return `(${fs.join(', ')})`;
  const pad = '    '.repeat(ind + 1);
  return ` {\n${fs.map((f) => pad + f + ',\n').join('')}${'    '.repeat(ind)}}`;
}

function useTree(t: A.UseTree): string {
  const pre = (t.prefix.global ? '::' : '') + t.prefix.segments.map((s) => ident(s.ident)).join('::');
  const sep = pre === '' || pre === '::' ? '' : '::';
  if (t.kind === 'simple') return pre + (t.rename ? ' as ' + ident(t.rename) : '');
  if (t.kind === 'glob') return pre + sep + '*';
  return pre + sep + '{' + t.trees.map(useTree).join(', ') + '}';
}

function fnSig(s: A.FnSig): string {
  return (s.const ? 'const ' : '') + (s.async ? 'async ' : '') + (s.unsafe ? 'unsafe ' : '') + (s.safe ? 'safe ' : '') + (s.extern ? 'extern ' + (s.abi !== undefined ? JSON.stringify(s.abi) + ' ' : '') : '');
}

function param(p: A.Param): string {
  const at = p.attrs.map((a) => attr(a) + ' ').join('');
  if (p.self) {
    const s = p.self;
    if (s.kind === 'value') return at + (s.mut ? 'mut self' : 'self');
    if (s.kind === 'ref') return at + '&' + (s.lifetime ? s.lifetime + ' ' : '') + (s.mut ? 'mut self' : 'self');
    return at + (s.mut ? 'mut self: ' : 'self: ') + ty(s.ty);
  }
  return at + pat(p.pat!) + ': ' + (p.ty ? ty(p.ty) : '...');
}

function item(w: Writer, it: A.Item): void {
  for (const a of it.attrs) w.line(attr(a));
  const v = vis(it.vis);
  const ind = w.indent;
  switch (it.kind) {
    case 'fn': {
      const ps = it.sig.params.map(param);
      if (it.sig.variadic && !it.sig.params.some((p) => !p.ty && !p.self)) ps.push('...');
      const head = `${v}${fnSig(it.sig)}fn ${ident(it.ident)}${genericParams(it.generics.params)}(${ps.join(', ')})${it.sig.ret ? ' -> ' + ty(it.sig.ret) : ''}${whereClause(it.generics)}`;
      w.line(it.body ? `${head} ${block(it.body, ind)}` : head + ';');
      return;
    }
    case 'struct':
    case 'union': {
      const d = it.data;
      const tail = d.kind === 'struct' ? variantData(d, ind) : d.kind === 'tuple' ? variantData(d, ind) + ';' : ';';
      const wc = whereClause(it.generics);
      w.line(d.kind === 'struct' ? `${v}${it.kind} ${ident(it.ident)}${genericParams(it.generics.params)}${wc}${tail}` : `${v}${it.kind} ${ident(it.ident)}${genericParams(it.generics.params)}${d.kind === 'tuple' ? variantData(d, ind) + wc + ';' : wc + ';'}`);
      return;
    }
    case 'enum': {
      w.line(`${v}enum ${ident(it.ident)}${genericParams(it.generics.params)}${whereClause(it.generics)} {`);
      w.indent++;
      for (const vr of it.variants) {
        for (const a of vr.attrs) w.line(attr(a));
        w.line(vis(vr.vis) + ident(vr.ident) + variantData(vr.data, w.indent) + (vr.discriminant ? ' = ' + expr(vr.discriminant, w.indent) : '') + ',');
      }
      w.indent--;
      w.line('}');
      return;
    }
    case 'impl':
    case 'trait':
    case 'externBlock':
    case 'mod': {
      let head: string;
      if (it.kind === 'impl') head = `${v}${it.const ? 'const ' : ''}${it.unsafe ? 'unsafe ' : ''}impl${genericParams(it.generics.params)} ${it.negative ? '!' : ''}${it.trait ? path(it.trait) + ' for ' : ''}${ty(it.selfTy)}${whereClause(it.generics)}`;
      else if (it.kind === 'trait') head = `${v}${it.unsafe ? 'unsafe ' : ''}${it.auto ? 'auto ' : ''}trait ${ident(it.ident)}${genericParams(it.generics.params)}${it.bounds.length ? ': ' + bounds(it.bounds) : ''}${whereClause(it.generics)}`;
      else if (it.kind === 'externBlock') head = `${v}${it.unsafe ? 'unsafe ' : ''}extern${it.abi !== undefined ? ' ' + JSON.stringify(it.abi) : ''}`;
      else {
        if (!it.items) {
          w.line(`${v}${it.unsafe ? 'unsafe ' : ''}mod ${ident(it.ident)};`);
          return;
        }
        head = `${v}${it.unsafe ? 'unsafe ' : ''}mod ${ident(it.ident)}`;
      }
      w.line(head + ' {');
      w.indent++;
      if (it.kind === 'externBlock' || it.kind === 'mod') for (const a of it.innerAttrs) w.line(attr(a));
      for (const sub of it.items ?? []) item(w, sub);
      w.indent--;
      w.line('}');
      return;
    }
    case 'traitAlias':
      w.line(`${v}trait ${ident(it.ident)}${genericParams(it.generics.params)} = ${bounds(it.bounds)}${whereClause(it.generics)};`);
      return;
    case 'use':
      w.line(`${v}use ${useTree(it.tree)};`);
      return;
    case 'static':
      w.line(`${v}${it.safety ? it.safety + ' ' : ''}static ${it.mut ? 'mut ' : ''}${ident(it.ident)}: ${ty(it.ty)}${it.expr ? ' = ' + expr(it.expr, ind) : ''};`);
      return;
    case 'const':
      w.line(`${v}const ${ident(it.ident)}${genericParams(it.generics.params)}: ${ty(it.ty)}${it.expr ? ' = ' + expr(it.expr, ind) : ''}${whereClause(it.generics)};`);
      return;
    case 'type':
      w.line(`${v}type ${ident(it.ident)}${genericParams(it.generics.params)}${it.bounds.length ? ': ' + bounds(it.bounds) : ''}${whereClause(it.generics)}${it.ty ? ' = ' + ty(it.ty) : ''};`);
      return;
    case 'externCrate':
      w.line(`${v}extern crate ${ident(it.name)}${it.rename ? ' as ' + ident(it.rename) : ''};`);
      return;
    case 'macroRules':
      w.line(`macro_rules! ${ident(it.ident)} ${tt(it.body)}${it.body.delim === '{' ? '' : ';'}`);
      return;
    case 'macCall':
      w.line(mac(it.mac) + (it.mac.delim === '{' ? '' : ';'));
      return;
  }
}
