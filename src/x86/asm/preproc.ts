// The NASM preprocessor, run once over the whole source before the assembler's passes:
// single-line macros (%define and friends), multi-line macros (%macro), %rep, conditional
// assembly, %include, and the small string functions. Its output is the list of expanded
// lines, each with the place NASM would name in a message about it, with preprocessor
// errors in line order between them.
import { ppTokenize, joinTokens, skipWs, trimTokens, splitArgs, pasteTokens, type PPToken } from './pptok.ts';
import { tokenize, LexError } from './lexer.ts';
import { parseExpr, TokenStream, Evaluator, ExprSyntaxError, EvalError, type EvalEnv } from './expr.ts';

/** One level of macro expansion: the body line inside the definition of macro `name`. */
export interface MacroStep {
  readonly file: string;
  readonly line: number;
  readonly name: string;
}

/** Where a line comes from, as NASM reports it: the outermost source line plus the macro trail. */
export interface Loc {
  readonly file: string;
  readonly line: number;
  readonly trail?: readonly MacroStep[];
}

export type PPItem =
  | { readonly kind: 'line'; readonly text: string; readonly loc: Loc }
  | {
    readonly kind: 'error';
    readonly message: string;
    readonly loc: Loc;
    /** `fatal` prints as `fatal:`; `user` (%error) is reported with the final pass's errors, as NASM does. */
    readonly severity?: 'fatal' | 'user';
  };

export interface PreprocessOptions {
  readonly fileName: string;
  readonly includeDirs: readonly string[];
  readonly readFile: (path: string) => string | undefined;
}

export interface PreprocessResult {
  readonly items: PPItem[];
  /** A fatal error stopped preprocessing (missing include file, runaway recursion...). */
  readonly fatal: boolean;
}

/**
 * Finds a file as NASM does: the name as given (relative to the process's directory), then
 * each include prefix with the name appended literally.
 */
export function findIncludeFile<T>(
  name: string, includeDirs: readonly string[], read: (path: string) => T | undefined,
): { path: string; data: T } | undefined {
  const first = read(name);
  if (first !== undefined) return { path: name, data: first };
  for (const dir of includeDirs) {
    const p = dir + name;
    const d = read(p);
    if (d !== undefined) return { path: p, data: d };
  }
  return undefined;
}

interface BodyLine {
  readonly text: string;
  readonly loc: Loc;
}

interface SMacro {
  readonly name: string;
  readonly params: readonly string[] | null;
  readonly body: readonly PPToken[];
  readonly ci: boolean;
}

interface MMacro {
  readonly name: string;
  readonly ci: boolean;
  readonly min: number;
  readonly max: number;       // Infinity for `*`
  readonly greedy: boolean;
  readonly defaults: readonly PPToken[][];
  readonly body: BodyLine[];
}

interface MacroCtx {
  readonly name: string;
  readonly params: PPToken[][];
  rotate: number;
  readonly id: number;
}

/** States of one %if level: taking lines, looking for a true branch, finished, or inside a skipped region. */
const CondState = { Active: 0, Pending: 1, Done: 2, Never: 3 } as const;
type CondState = (typeof CondState)[keyof typeof CondState];

interface Cond {
  state: CondState;
  sawElse: boolean;
}

interface Frame {
  readonly kind: 'file' | 'macro' | 'rep';
  readonly lines: readonly BodyLine[];
  pos: number;
  readonly conds: Cond[];
  /** Macro parameters in effect for lines of this frame (macro frames, and %rep inside a macro). */
  readonly ctx?: MacroCtx;
  /** Macro frames: where the macro was invoked. */
  readonly invLoc?: Loc;
  /** Rep frames: iterations still to run after the current one. */
  repLeft?: number;
}

type Collecting =
  | { kind: 'macro'; def: MMacro; depth: number; loc: Loc }
  | { kind: 'rep'; body: BodyLine[]; depth: number; count: number; ctx?: MacroCtx; loc: Loc };

class FatalError extends Error {}

const MAX_FRAMES = 1000;
const MAX_LINES = 4_000_000;
const MAX_LINE_TOKENS = 100_000;
const MAX_PASTE_ROUNDS = 1000;

const COND_KINDS = new Set(['', 'def', 'macro', 'idn', 'idni', 'id', 'num', 'str', 'empty', 'token']);

/** Splits `%ifndef` into { base: 'if', negate: true, kind: 'def' }; undefined when not a conditional. */
function parseCondDirective(name: string): { base: 'if' | 'elif'; negate: boolean; kind: string } | undefined {
  let base: 'if' | 'elif';
  let rest: string;
  if (name.startsWith('elif')) { base = 'elif'; rest = name.slice(4); }
  else if (name.startsWith('if')) { base = 'if'; rest = name.slice(2); }
  else return undefined;
  if (COND_KINDS.has(rest)) return { base, negate: false, kind: rest };
  if (rest.startsWith('n') && COND_KINDS.has(rest.slice(1))) return { base, negate: true, kind: rest.slice(1) };
  return undefined;
}

function splitLines(text: string, file: string): BodyLine[] {
  const raw = text.split(/\r\n|\n|\r/);
  const out: BodyLine[] = [];
  for (let i = 0; i < raw.length; i++) {
    let s = raw[i];
    const line = i + 1;
    while (s.endsWith('\\') && i + 1 < raw.length) s = s.slice(0, -1) + raw[++i];
    out.push({ text: s, loc: { file, line } });
  }
  return out;
}

function numToken(v: bigint | number): PPToken {
  return { k: 'num', s: String(v) };
}

function quoteString(bytes: string): PPToken {
  // Pick a quote that does not occur in the text; backquotes escape anything.
  if (!bytes.includes('\'')) return { k: 'str', s: `'${bytes}'` };
  if (!bytes.includes('"')) return { k: 'str', s: `"${bytes}"` };
  return { k: 'str', s: '`' + bytes.replace(/[\\`]/g, (c) => '\\' + c) + '`' };
}

/** Contents of a string token (quotes removed, backquote escapes decoded) as a JS string of bytes. */
function stringContents(tok: PPToken): string | undefined {
  if (tok.k !== 'str') return undefined;
  const toks = tokenize(tok.s);
  if (toks.length !== 1 || toks[0].kind !== 'str') return undefined;
  let s = '';
  for (const b of toks[0].bytes!) s += String.fromCharCode(b);
  return s;
}

export function preprocess(source: string, opts: PreprocessOptions): PreprocessResult {
  return new Preprocessor(opts).run(source);
}

class Preprocessor {
  private readonly items: PPItem[] = [];
  private readonly frames: Frame[] = [];
  private readonly smacros = new Map<string, SMacro[]>();
  private readonly ismacros = new Map<string, SMacro[]>();
  private readonly mmacros = new Map<string, MMacro[]>();
  private readonly immacros = new Map<string, MMacro[]>();
  private collecting: Collecting | null = null;
  private uniqueId = 0;
  private linesSeen = 0;
  private bits = 16;
  private readonly evaluator: Evaluator;

  constructor(private readonly opts: PreprocessOptions) {
    const env: EvalEnv = {
      lookup(name) { throw new EvalError(`symbol \`${name}' not defined before use`); },
      here() { throw new EvalError('non-constant value in preprocessor expression'); },
      start() { throw new EvalError('non-constant value in preprocessor expression'); },
    };
    this.evaluator = new Evaluator(env);
    const predefined: [string, string][] = [
      ['__NASM_MAJOR__', '2'], ['__NASM_MINOR__', '16'], ['__NASM_SUBMINOR__', '1'],
      ['__?NASM_MAJOR?__', '2'], ['__?NASM_MINOR?__', '16'], ['__?NASM_SUBMINOR?__', '1'],
      ['__OUTPUT_FORMAT__', 'bin'], ['__?OUTPUT_FORMAT?__', 'bin'],
    ];
    for (const [name, body] of predefined) this.defineS({ name, params: null, body: ppTokenize(body), ci: false });
  }

  run(source: string): PreprocessResult {
    this.frames.push({ kind: 'file', lines: splitLines(source, this.opts.fileName), pos: 0, conds: [] });
    try {
      this.loop();
    } catch (e) {
      if (e instanceof FatalError) return { items: this.items, fatal: true };
      throw e;
    }
    return { items: this.items, fatal: false };
  }

  private error(message: string, loc: Loc, severity?: 'fatal' | 'user'): void {
    this.items.push({ kind: 'error', message, loc, ...(severity && { severity }) });
  }

  /** Stops preprocessing; NASM prints most of these as `fatal:` (not a missing include file). */
  private fatal(message: string, loc: Loc, label: 'fatal' | 'error' = 'fatal'): never {
    this.error(message, loc, label === 'fatal' ? 'fatal' : undefined);
    throw new FatalError(message);
  }

  private loop(): void {
    let lastLoc: Loc = { file: this.opts.fileName, line: 1 };
    while (this.frames.length > 0) {
      const frame = this.frames[this.frames.length - 1];
      if (frame.pos >= frame.lines.length) {
        if (frame.conds.length > 0) {
          const where = frame.kind === 'file' ? lastLoc : frame.invLoc ?? lastLoc;
          frame.conds.length = 0;
          if (frame.kind === 'file') this.fatal('expected `%endif\' before end of file', where);
          this.error('unterminated %if in macro or %rep expansion', where);
        }
        if (frame.kind === 'rep' && frame.repLeft! > 0) {
          frame.repLeft!--;
          frame.pos = 0;
          continue;
        }
        this.frames.pop();
        continue;
      }
      const line = frame.lines[frame.pos++];
      const loc = this.locOf(frame, line);
      lastLoc = loc;
      if (++this.linesSeen > MAX_LINES) this.fatal('too many lines generated (runaway %rep or recursive macro?)', loc);
      this.processLine(line.text, loc, frame);
    }
    if (this.collecting) {
      const c = this.collecting;
      this.collecting = null;
      if (c.kind === 'macro') this.error(`end of file while still defining macro \`${c.def.name}'`, lastLoc);
      else this.error('end of file while still in %rep', lastLoc);
    }
  }

  private locOf(frame: Frame, line: BodyLine): Loc {
    if (frame.kind !== 'macro') return line.loc;
    const inv = frame.invLoc!;
    const step: MacroStep = { file: line.loc.file, line: line.loc.line, name: frame.ctx!.name };
    return { file: inv.file, line: inv.line, trail: inv.trail ? [...inv.trail, step] : [step] };
  }

  private processLine(text: string, loc: Loc, frame: Frame): void {
    const toks = ppTokenize(text);
    const first = skipWs(toks, 0);
    const dirTok = first < toks.length && toks[first].k === 'dir' ? toks[first] : undefined;
    const dirName = dirTok ? dirTok.s.slice(1).toLowerCase() : '';

    if (this.collecting) {
      this.collectLine(text, loc, dirName);
      return;
    }

    const top = frame.conds[frame.conds.length - 1];
    const skipping = top !== undefined && top.state !== CondState.Active;
    if (skipping && !dirTok) return;

    if (dirTok) {
      let rest = toks.slice(first + 1);
      if (!skipping && frame.ctx) rest = this.substituteParams(rest, frame.ctx, loc);
      const cond = parseCondDirective(dirName);
      if (cond || dirName === 'else' || dirName === 'endif') {
        this.conditional(dirName, cond, rest, frame, loc);
        return;
      }
      if (skipping) return;
      this.directive(dirName, dirTok.s, rest, loc, frame);
      return;
    }

    let line = frame.ctx ? this.substituteParams(toks, frame.ctx, loc) : toks;
    line = this.expand(line, null, loc);

    if (this.tryInvoke(line, loc)) return;
    this.emit(line, loc);
  }

  private emit(toks: readonly PPToken[], loc: Loc): void {
    const text = joinTokens(toks);
    const m = /^\s*(?:\[\s*)?(?:bits\s+|use)(16|32|64)\b/i.exec(text);
    if (m) this.bits = Number(m[1]);
    this.items.push({ kind: 'line', text, loc });
  }

  // ---- collecting %macro and %rep bodies -------------------------------------------------

  private collectLine(text: string, loc: Loc, dirName: string): void {
    const c = this.collecting!;
    if (c.kind === 'macro') {
      if (dirName === 'macro' || dirName === 'imacro' || dirName === 'rmacro' || dirName === 'irmacro') c.depth++;
      else if (dirName === 'endmacro' || dirName === 'endm') {
        if (c.depth === 0) { this.finishMacro(c.def); return; }
        c.depth--;
      }
      c.def.body.push({ text, loc });
    } else {
      if (dirName === 'rep') c.depth++;
      else if (dirName === 'endrep') {
        if (c.depth === 0) { this.finishRep(c); return; }
        c.depth--;
      }
      c.body.push({ text, loc });
    }
  }

  private finishMacro(def: MMacro): void {
    this.collecting = null;
    const map = def.ci ? this.immacros : this.mmacros;
    const key = def.ci ? def.name.toLowerCase() : def.name;
    const list = map.get(key) ?? [];
    // A definition with the same parameter range replaces the old one.
    const keep = list.filter((m) => !(m.min === def.min && m.max === def.max));
    keep.push(def);
    map.set(key, keep);
  }

  private finishRep(c: Extract<Collecting, { kind: 'rep' }>): void {
    this.collecting = null;
    if (c.count <= 0 || c.body.length === 0) return;
    this.pushFrame({ kind: 'rep', lines: c.body, pos: 0, conds: [], ctx: c.ctx, repLeft: c.count - 1 }, c.loc);
  }

  private pushFrame(frame: Frame, loc: Loc): void {
    if (this.frames.length >= MAX_FRAMES) this.fatal('interminable macro recursion', loc);
    this.frames.push(frame);
  }

  // ---- conditional assembly --------------------------------------------------------------

  private conditional(
    name: string, cond: ReturnType<typeof parseCondDirective>, rest: PPToken[], frame: Frame, loc: Loc,
  ): void {
    const conds = frame.conds;
    const top = conds[conds.length - 1];
    if (cond && cond.base === 'if') {
      if (top && top.state !== CondState.Active) {
        conds.push({ state: CondState.Never, sawElse: false });
        return;
      }
      const v = this.evalCondition(cond.kind, rest, loc);
      conds.push({ state: v !== cond.negate ? CondState.Active : CondState.Pending, sawElse: false });
      return;
    }
    const label = '%' + name;
    if (!top) {
      this.error(`\`${label}': no matching \`%if'`, loc);
      return;
    }
    if (name === 'endif') {
      conds.pop();
      return;
    }
    if (top.sawElse) {
      // NASM warns and ignores what follows.
      if (top.state !== CondState.Never) top.state = CondState.Done;
      return;
    }
    if (name === 'else') {
      top.sawElse = true;
      if (top.state === CondState.Active) top.state = CondState.Done;
      else if (top.state === CondState.Pending) top.state = CondState.Active;
      return;
    }
    // %elif family
    if (top.state === CondState.Active) top.state = CondState.Done;
    else if (top.state === CondState.Pending) {
      const ctx = frame.ctx;
      const args = ctx ? this.substituteParams(rest, ctx, loc) : rest;
      const v = this.evalCondition(cond!.kind, args, loc);
      if (v !== cond!.negate) top.state = CondState.Active;
    }
  }

  private evalCondition(kind: string, rest: PPToken[], loc: Loc): boolean {
    switch (kind) {
      case '': {
        const v = this.evalExpr(rest, loc);
        return v !== undefined && v !== 0n;
      }
      case 'def': {
        const i = skipWs(rest, 0);
        if (i >= rest.length || rest[i].k !== 'id') return false; // NASM only warns
        const name = rest[i].s;
        return this.lookupS(name) !== undefined || this.isBuiltin(name);
      }
      case 'macro': {
        const i = skipWs(rest, 0);
        if (i >= rest.length || rest[i].k !== 'id') {
          this.error('`%ifmacro\' expects a macro name', loc);
          return false;
        }
        const defs = this.lookupM(rest[i].s);
        if (!defs) return false;
        const spec = joinTokens(rest.slice(i + 1)).trim();
        if (spec === '') return true;
        const r = this.parseParamSpec(spec);
        if (!r) return true;
        return defs.some((d) => d.min <= r.max && r.min <= d.max);
      }
      case 'idn': case 'idni': {
        const toks = this.expand(rest, null, loc);
        const parts = splitAtComma(toks);
        if (!parts) {
          this.error(`\`%if${kind}' expects two comma-separated arguments`, loc);
          return false;
        }
        let a = normalizeWs(parts[0]);
        let b = normalizeWs(parts[1]);
        if (kind === 'idni') { a = a.toLowerCase(); b = b.toLowerCase(); }
        return a === b;
      }
      default: {
        const toks = trimTokens(this.expand(rest, null, loc)).filter((t) => t.k !== 'ws');
        if (kind === 'empty') return toks.length === 0;
        if (kind === 'token') return toks.length === 1;
        if (toks.length !== 1) return false;
        if (kind === 'id') return toks[0].k === 'id';
        if (kind === 'num') return toks[0].k === 'num';
        return toks[0].k === 'str';
      }
    }
  }

  /** Evaluates a preprocessor expression after expanding macros; errors are reported here. */
  private evalExpr(toks: readonly PPToken[], loc: Loc): bigint | undefined {
    const text = joinTokens(this.expand(toks, null, loc));
    try {
      const ts = new TokenStream(tokenize(text));
      if (ts.atEnd()) {
        this.error('expression syntax error', loc);
        return undefined;
      }
      const e = parseExpr(ts, { qualify: (n) => n });
      if (!ts.atEnd()) {
        this.error('expression syntax error', loc);
        return undefined;
      }
      this.evaluator.unknown = false;
      return this.evaluator.eval(e);
    } catch (err) {
      if (err instanceof LexError || err instanceof ExprSyntaxError || err instanceof EvalError) {
        this.error(err.message, loc);
        return undefined;
      }
      throw err;
    }
  }

  // ---- directives -------------------------------------------------------------------------

  private directive(name: string, written: string, rest: PPToken[], loc: Loc, frame: Frame): void {
    switch (name) {
      case 'define': case 'idefine': case 'xdefine': case 'ixdefine':
        this.defineDirective(name, rest, loc);
        return;
      case 'undef': case 'iundef': {
        const i = skipWs(rest, 0);
        if (i >= rest.length || rest[i].k !== 'id') { this.error(`\`%${name}' expects a macro identifier`, loc); return; }
        this.smacros.delete(rest[i].s);
        this.ismacros.delete(rest[i].s.toLowerCase());
        return;
      }
      case 'assign': case 'iassign': {
        const i = skipWs(rest, 0);
        if (i >= rest.length || rest[i].k !== 'id') { this.error(`\`%${name}' expects a macro identifier`, loc); return; }
        const v = this.evalExpr(rest.slice(i + 1), loc);
        if (v === undefined) return;
        this.defineS({ name: rest[i].s, params: null, body: [numToken(v)], ci: name === 'iassign' });
        return;
      }
      case 'defstr': case 'idefstr': {
        const i = skipWs(rest, 0);
        if (i >= rest.length || rest[i].k !== 'id') { this.error(`\`%${name}' expects a macro identifier`, loc); return; }
        const body = joinTokens(trimTokens(this.expand(rest.slice(i + 1), null, loc)));
        this.defineS({ name: rest[i].s, params: null, body: [quoteString(body)], ci: name === 'idefstr' });
        return;
      }
      case 'deftok': case 'ideftok': {
        // %deftok name 'text': the string's contents become the macro's tokens.
        const i = skipWs(rest, 0);
        if (i >= rest.length || rest[i].k !== 'id') { this.error(`\`%${name}' expects a macro identifier`, loc); return; }
        const arg = trimTokens(this.expand(rest.slice(i + 1), null, loc));
        const text = arg.length === 1 && arg[0].k === 'str' ? stringContents(arg[0]) : undefined;
        if (text === undefined) { this.error(`\`%${name}' requires string as second parameter`, loc); return; }
        this.defineS({ name: rest[i].s, params: null, body: ppTokenize(text), ci: name === 'ideftok' });
        return;
      }
      case 'strlen': case 'istrlen': case 'substr': case 'isubstr': case 'strcat': case 'istrcat':
        this.stringFunction(name, rest, loc);
        return;
      case 'macro': case 'imacro': case 'rmacro': case 'irmacro':
        this.startMacro(name, rest, loc);
        return;
      case 'endmacro': case 'endm':
        this.error(`\`%${name}': not defining a macro`, loc);
        return;
      case 'rep': {
        const v = this.evalExpr(rest, loc);
        let count = v === undefined ? 0 : Number(BigInt.asIntN(64, v));
        if (count < 0) {
          this.error(`negative \`%rep' count: ${count}`, loc);
          count = 0;
        }
        this.collecting = { kind: 'rep', body: [], depth: 0, count, ctx: frame.ctx, loc };
        return;
      }
      case 'endrep':
        this.error('`%endrep\': no matching `%rep\'', loc);
        return;
      case 'exitrep': {
        const idx = findLastIndex(this.frames, (f) => f.kind === 'rep');
        if (idx < 0) { this.error('`%exitrep\' not within `%rep\' block', loc); return; }
        this.frames.length = idx;
        return;
      }
      case 'exitmacro': {
        const idx = findLastIndex(this.frames, (f) => f.kind === 'macro');
        if (idx < 0) { this.error('`%exitmacro\' not within `%macro\' block', loc); return; }
        this.frames.length = idx;
        return;
      }
      case 'rotate': {
        const ctx = frame.ctx;
        if (!ctx) { this.error('`%rotate\' invoked outside a macro call', loc); return; }
        const v = this.evalExpr(rest, loc);
        if (v === undefined || ctx.params.length === 0) return;
        const n = ctx.params.length;
        ctx.rotate = (((ctx.rotate + Number(v % BigInt(n))) % n) + n) % n;
        return;
      }
      case 'include':
        this.include(rest, loc);
        return;
      case 'error': case 'fatal': {
        const msg = messageText(this.expand(rest, null, loc));
        if (name === 'fatal') this.fatal(msg, loc);
        this.error(msg, loc, 'user');
        return;
      }
      case 'warning':
        return; // warnings are not part of the result
      case 'line': case 'pragma': case 'clear':
        return;
      case 'use':
        this.error(`\`%use': standard macro packages are not available`, loc);
        return;
      case 'push': case 'pop': case 'repl': case 'arg': case 'local': case 'stacksize':
        this.error(`\`%${name}' (context stack) is not supported`, loc);
        return;
      default:
        this.error(`unknown preprocessor directive \`${written}'`, loc);
    }
  }

  private defineDirective(name: string, rest: PPToken[], loc: Loc): void {
    let i = skipWs(rest, 0);
    if (i >= rest.length || rest[i].k !== 'id') {
      this.error(`\`%${name}' expects a macro identifier`, loc);
      return;
    }
    const macroName = rest[i].s;
    i++;
    let params: string[] | null = null;
    if (i < rest.length && rest[i].k === 'other' && rest[i].s === '(') {
      params = [];
      i++;
      for (;;) {
        i = skipWs(rest, i);
        const t = rest[i];
        if (!t) { this.error('`)\' expected to terminate macro template', loc); return; }
        if (t.k === 'other' && t.s === ')') { i++; break; }
        if (t.k === 'id') { params.push(t.s); i++; continue; }
        if (t.k === 'other' && t.s === ',') { i++; continue; }
        this.error(`\`${t.s}': parameter identifier expected`, loc);
        return;
      }
    }
    let body = trimTokens(rest.slice(i));
    if (name === 'xdefine' || name === 'ixdefine') body = this.expand(body, null, loc);
    this.defineS({ name: macroName, params, body, ci: name.startsWith('i') });
  }

  private defineS(def: SMacro): void {
    const map = def.ci ? this.ismacros : this.smacros;
    const key = def.ci ? def.name.toLowerCase() : def.name;
    const n = def.params ? def.params.length : -1;
    const list = (map.get(key) ?? []).filter((d) => (d.params ? d.params.length : -1) !== n);
    list.push(def);
    map.set(key, list);
  }

  private lookupS(name: string): SMacro[] | undefined {
    const a = this.smacros.get(name);
    const b = this.ismacros.get(name.toLowerCase());
    if (a && b) return [...a, ...b];
    return a ?? b;
  }

  private lookupM(name: string): MMacro[] | undefined {
    const a = this.mmacros.get(name);
    const b = this.immacros.get(name.toLowerCase());
    if (a && b) return [...a, ...b];
    return a ?? b;
  }

  private isBuiltin(name: string): boolean {
    return /^__\??(FILE|LINE|BITS)\??__$/.test(name);
  }

  private stringFunction(name: string, rest: PPToken[], loc: Loc): void {
    const i = skipWs(rest, 0);
    if (i >= rest.length || rest[i].k !== 'id') { this.error(`\`%${name}' expects a macro identifier`, loc); return; }
    const target = rest[i].s;
    const ci = name.startsWith('i');
    const base = ci ? name.slice(1) : name;
    const args = this.expand(rest.slice(i + 1), null, loc);
    const parts = splitArgs(args, true);
    if (base === 'strcat') {
      let s = '';
      for (const p of parts) {
        const str = p.length === 1 ? stringContents(p[0]) : undefined;
        if (str === undefined) { this.error(`non-string passed to \`%${name}'`, loc); return; }
        s += str;
      }
      this.defineS({ name: target, params: null, body: [quoteString(s)], ci });
      return;
    }
    if (base === 'strlen') {
      const str = parts[0] && parts[0].length === 1 ? stringContents(parts[0][0]) : undefined;
      if (str === undefined) { this.error(`\`%${name}' requires string as second parameter`, loc); return; }
      this.defineS({ name: target, params: null, body: [numToken(str.length)], ci });
      return;
    }
    // %substr name 'string' start[,len]: the string is the first token; a comma after it is optional.
    const toks = trimTokens(args);
    const str = toks.length > 0 && toks[0].k === 'str' ? stringContents(toks[0]) : undefined;
    if (str === undefined) { this.error(`\`%${name}' requires string as second parameter`, loc); return; }
    let k = skipWs(toks, 1);
    if (k < toks.length && toks[k].k === 'other' && toks[k].s === ',') k++;
    const range = trimTokens(toks.slice(k));
    const nums = range.length === 0 ? [] : splitArgs(range, true);
    const start = nums[0] ? this.evalExpr(nums[0], loc) : undefined;
    if (start === undefined) return;
    let len = 1n;
    if (nums[1]) {
      const l = this.evalExpr(nums[1], loc);
      if (l === undefined) return;
      len = l;
    }
    let from = Number(start) - 1;
    let count = Number(len);
    if (from < 0) from = 0;
    if (count < 0) count = Math.max(0, str.length - from + count + 1);
    this.defineS({ name: target, params: null, body: [quoteString(str.slice(from, from + count))], ci });
  }

  private parseParamSpec(spec: string): { min: number; max: number; greedy: boolean } | undefined {
    const m = /^(\d+)(?:-(\d+|\*))?(\+)?(?:\.nolist)?$/i.exec(spec.replace(/\s+/g, ''));
    if (!m) return undefined;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[2] === '*' ? Infinity : Number(m[2]);
    return { min, max, greedy: m[3] !== undefined };
  }

  private startMacro(name: string, rest: PPToken[], loc: Loc): void {
    let i = skipWs(rest, 0);
    if (i >= rest.length || rest[i].k !== 'id') {
      this.error(`\`%${name}' expects a macro name`, loc);
      return;
    }
    const macroName = rest[i].s;
    i = skipWs(rest, i + 1);
    // The parameter count runs up to the first whitespace or comma after it.
    let j = i;
    while (j < rest.length && rest[j].k !== 'ws' && !(rest[j].k === 'other' && rest[j].s === ',')) j++;
    const specText = joinTokens(rest.slice(i, j));
    const spec = this.parseParamSpec(specText);
    if (!spec) {
      this.error(`\`%${name}' expects a parameter count`, loc);
      return;
    }
    const defaultsToks = trimTokens(rest.slice(j));
    const defaults = defaultsToks.length === 0 ? [] : splitArgs(defaultsToks, false);
    if (spec.max < spec.min) this.error('minimum parameter count exceeds maximum', loc);
    const def: MMacro = {
      name: macroName, ci: name === 'imacro' || name === 'irmacro', min: spec.min, max: spec.max,
      greedy: spec.greedy, defaults, body: [],
    };
    this.collecting = { kind: 'macro', def, depth: 0, loc };
  }

  private include(rest: PPToken[], loc: Loc): void {
    const toks = trimTokens(this.expand(rest, null, loc));
    let name: string | undefined;
    if (toks.length === 1 && toks[0].k === 'str') name = stringContents(toks[0]);
    else if (toks.length >= 2 && toks[0].s === '<' && toks[toks.length - 1].s === '>') name = joinTokens(toks.slice(1, -1));
    else if (toks.length > 0) name = joinTokens(toks);
    if (name === undefined || name === '') {
      this.error('`%include\' expects a file name', loc);
      return;
    }
    const found = findIncludeFile(name, this.opts.includeDirs, this.opts.readFile);
    if (!found) this.fatal(`unable to open include file \`${name}': No such file or directory`, loc, 'error');
    this.pushFrame({ kind: 'file', lines: splitLines(found.data, found.path), pos: 0, conds: [] }, loc);
  }

  // ---- multi-line macro calls ---------------------------------------------------------------

  /** Expands a multi-line macro call on this line (optionally after a label); true when it did. */
  private tryInvoke(toks: PPToken[], loc: Loc): boolean {
    let i = skipWs(toks, 0);
    if (i >= toks.length || toks[i].k !== 'id') return false;
    if (this.invoke(toks, i, loc)) return true;
    // `label: macro args` or `label macro args`
    let j = skipWs(toks, i + 1);
    if (j < toks.length && toks[j].k === 'other' && toks[j].s === ':') j = skipWs(toks, j + 1);
    if (j >= toks.length || toks[j].k !== 'id') return false;
    const found = this.matchMacro(toks, j);
    if (!found) return false;
    this.emit(trimTokens(toks.slice(0, j)), loc);
    this.startExpansion(found.def, found.params, loc);
    return true;
  }

  private invoke(toks: PPToken[], i: number, loc: Loc): boolean {
    const found = this.matchMacro(toks, i);
    if (!found) return false;
    this.startExpansion(found.def, found.params, loc);
    return true;
  }

  private matchMacro(toks: PPToken[], i: number): { def: MMacro; params: PPToken[][] } | undefined {
    const defs = this.lookupM(toks[i].s);
    if (!defs) return undefined;
    const argToks = trimTokens(toks.slice(i + 1));
    const args = argToks.length === 0 ? [] : splitArgs(argToks, false);
    for (const def of defs) {
      let params = args;
      if (params.length > def.max && def.greedy && def.max >= 1) {
        const head = params.slice(0, def.max - 1);
        const tail: PPToken[] = [];
        params.slice(def.max - 1).forEach((p, k) => {
          if (k > 0) tail.push({ k: 'other', s: ',' }, { k: 'ws', s: ' ' });
          tail.push(...p);
        });
        params = [...head, tail];
      } else if (params.length > def.max && params.length > 0 && params[params.length - 1].length === 0
        && params.length - 1 <= def.max) {
        params = params.slice(0, -1); // NASM drops one trailing empty parameter
      }
      if (params.length < def.min || params.length > def.max) continue;
      if (params.length < def.max && def.defaults.length > 0) {
        params = params.slice();
        for (let k = params.length; k - def.min < def.defaults.length && k < def.max; k++) {
          params.push(def.defaults[k - def.min]);
        }
      }
      return { def, params };
    }
    return undefined;
  }

  private startExpansion(def: MMacro, params: PPToken[][], loc: Loc): void {
    const ctx: MacroCtx = { name: def.name, params, rotate: 0, id: ++this.uniqueId };
    this.pushFrame({ kind: 'macro', lines: def.body, pos: 0, conds: [], ctx, invLoc: loc }, loc);
  }

  private substituteParams(toks: readonly PPToken[], ctx: MacroCtx, loc: Loc): PPToken[] {
    let changed = false;
    const out: PPToken[] = [];
    for (const t of toks) {
      if (t.k === 'local') {
        out.push({ k: 'id', s: `..@${ctx.id}.${t.s.slice(2)}` });
        changed = true;
      } else if (t.k === 'param') {
        changed = true;
        const m = /^%(?:\{\s*)?([+-]?)(\d+)\s*\}?$/.exec(t.s);
        if (!m) { this.error(`unsupported macro parameter reference \`${t.s}'`, loc); continue; }
        if (m[1] === '-') { this.error('condition-code inversion `%-N\' is not supported', loc); continue; }
        const n = Number(m[2]);
        if (n === 0) {
          if (m[2].length === 1) out.push(numToken(ctx.params.length));
          continue; // %00: the label before the call, which we do not track
        }
        const count = ctx.params.length;
        if (n > count) continue;
        out.push(...ctx.params[(n - 1 + ctx.rotate) % count]);
      } else {
        out.push(t);
      }
    }
    return changed ? out : (toks as PPToken[]);
  }

  // ---- single-line macro expansion ------------------------------------------------------------

  /**
   * Expands single-line macros. At the top level (`active` null), as in NASM, the `%+` pastes
   * come after the expansion (`isr %+ i` with `%assign i 3` gives `isr3`), and a line that
   * pasted anything is scanned again (the joined word may name a macro).
   */
  private expand(toks: readonly PPToken[], active: Set<SMacro> | null, loc: Loc): PPToken[] {
    let out = this.expandOnce(toks, active, loc);
    if (active !== null) return out;
    for (let round = 0; out.some((t) => t.k === 'paste'); round++) {
      if (round >= MAX_PASTE_ROUNDS) this.fatal('macro expansion produces a line that is too long', loc);
      out = this.expandOnce(pasteTokens(out), null, loc);
    }
    return out;
  }

  private expandOnce(toks: readonly PPToken[], active: Set<SMacro> | null, loc: Loc): PPToken[] {
    let out: PPToken[] | null = null;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      let replacement: PPToken[] | undefined;
      let consumedTo = i;
      if (t.k === 'id') {
        const defs = this.lookupS(t.s);
        if (defs) {
          const j = skipWs(toks, i + 1);
          if (j < toks.length && toks[j].k === 'other' && toks[j].s === '(' && defs.some((d) => d.params)) {
            let depth = 0;
            let k = j;
            for (; k < toks.length; k++) {
              if (toks[k].k !== 'other') continue;
              if (toks[k].s === '(') depth++;
              else if (toks[k].s === ')' && --depth === 0) break;
            }
            if (k < toks.length) {
              const inner = trimTokens(toks.slice(j + 1, k));
              const args = inner.length === 0 ? [] : splitArgs(inner, true);
              const def = defs.find((d) => d.params && d.params.length === args.length && !active?.has(d));
              if (def) {
                replacement = this.expandBody(def, args, active, loc);
                consumedTo = k;
              }
            }
          }
          if (!replacement) {
            const def = defs.find((d) => d.params === null && !active?.has(d));
            if (def) replacement = this.expandBody(def, [], active, loc);
          }
        } else if (this.isBuiltin(t.s)) {
          replacement = [this.builtin(t.s, loc)];
        }
      }
      if (replacement) {
        if (!out) out = toks.slice(0, i);
        if (out.length + replacement.length > MAX_LINE_TOKENS) this.fatal('macro expansion produces a line that is too long', loc);
        for (const r of replacement) out.push(r);
        i = consumedTo;
      } else if (out) {
        out.push(t);
      }
    }
    return out ?? (toks as PPToken[]);
  }

  private builtin(name: string, loc: Loc): PPToken {
    if (name.includes('FILE')) return quoteString(loc.file);
    if (name.includes('LINE')) return numToken(loc.trail && loc.trail.length > 0 ? loc.trail[loc.trail.length - 1].line : loc.line);
    return numToken(this.bits);
  }

  private expandBody(def: SMacro, args: PPToken[][], active: Set<SMacro> | null, loc: Loc): PPToken[] {
    let body: PPToken[] = def.body as PPToken[];
    if (def.params && def.params.length > 0) {
      const expandedArgs = args.map((a) => this.expand(a, active, loc));
      const params = def.params;
      body = [];
      for (const t of def.body) {
        const idx = t.k === 'id' ? params.indexOf(t.s) : -1;
        if (idx >= 0) body.push(...expandedArgs[idx]);
        else body.push(t);
      }
    }
    const next = new Set(active ?? []);
    next.add(def);
    return this.expand(body, next, loc);
  }
}

function findLastIndex<T>(arr: readonly T[], pred: (x: T) => boolean): number {
  for (let i = arr.length - 1; i >= 0; i--) if (pred(arr[i])) return i;
  return -1;
}

function splitAtComma(toks: readonly PPToken[]): [PPToken[], PPToken[]] | undefined {
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].k === 'other' && toks[i].s === ',') return [trimTokens(toks.slice(0, i)), trimTokens(toks.slice(i + 1))];
  }
  return undefined;
}

function normalizeWs(toks: readonly PPToken[]): string {
  let s = '';
  for (const t of toks) s += t.k === 'ws' ? ' ' : t.s;
  return s.trim();
}

/** Text of a %error message: a single string argument is shown without its quotes. */
function messageText(toks: readonly PPToken[]): string {
  const t = trimTokens(toks);
  if (t.length === 1 && t[0].k === 'str') {
    const s = stringContents(t[0]);
    if (s !== undefined) return s;
  }
  return joinTokens(t);
}
