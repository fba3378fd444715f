// Checks a target specification (`x86_64-blog_os.json`) the way today's nightly rustc loads it:
// strict JSON (serde_json: no comments, no trailing commas), no unknown or duplicate fields, the
// required fields present, each field of the JSON type rustc wants, enum values from rustc's
// lists — then the checks rustc makes on the loaded target: `features` syntax, features against
// the ABI, and `data-layout` against LLVM's layout for `llvm-target`.
//
// rustc stops at its first load error; we report every problem (the first error is what rustc
// would print: see `rustcLoadError`). Messages are rustc's, without the
// `error loading target specification:` wrapper; Bootlab's explanations go in `notes`.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { lineColAt, oneOf, stableHash, closest, type Diagnostic } from './diagnostic.ts';
import {
  REQUIRED_FIELDS,
  TARGET_FIELDS,
  TARGET_FIELD_NAMES,
  llvmDefaultDataLayout,
  type FieldSpec,
} from './targetSpecFields.ts';

export interface TargetSpecResult {
  diagnostics: Diagnostic[];
  /** the fields that parsed, by name (present even when some fields have errors) */
  fields: Record<string, unknown>;
  /** true when rustc would load this file and build with it */
  ok: boolean;
}

/** Why serde_json would stop, in its words, for a jsonc-parser error. */
function serdeSyntaxMessage(text: string, err: ParseError): string {
  const code = printParseErrorCode(err.error);
  const at = text[err.offset];
  const prevSignificant = text.slice(0, err.offset).trimEnd().slice(-1);
  switch (code) {
    case 'PropertyNameExpected':
    case 'ValueExpected':
      if (at === '}' || at === ']') return prevSignificant === ',' ? 'trailing comma' : 'expected value';
      if (at === undefined) return 'EOF while parsing a value';
      if (code === 'PropertyNameExpected') return 'key must be a string';
      return 'expected value';
    case 'ColonExpected':
      return 'expected `:`';
    case 'CommaExpected':
      return enclosing(text, err.offset) === '[' ? 'expected `,` or `]`' : 'expected `,` or `}`';
    case 'CloseBraceExpected':
      return at === undefined ? 'EOF while parsing an object' : 'expected `,` or `}`';
    case 'CloseBracketExpected':
      return at === undefined ? 'EOF while parsing a list' : 'expected `,` or `]`';
    case 'EndOfFileExpected':
      return 'trailing characters';
    case 'UnexpectedEndOfString':
      return 'EOF while parsing a string';
    case 'InvalidEscapeCharacter':
      return 'invalid escape';
    case 'InvalidUnicode':
      return 'invalid unicode code point';
    case 'InvalidCharacter':
      return 'control character (\\u0000-\\u001F) found while parsing a string';
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return 'invalid number';
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
    case 'InvalidSymbol':
    default:
      return 'expected value';
  }
}

/** The innermost unclosed bracket before an offset (ignoring strings), for serde's wording. */
function enclosing(text: string, offset: number): '[' | '{' | undefined {
  const stack: string[] = [];
  let inString = false;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') stack.push(c);
    else if (c === '}' || c === ']') stack.pop();
  }
  return stack.at(-1) as '[' | '{' | undefined;
}

/** serde's description of a JSON value it did not expect. */
function unexpected(node: Node): string {
  switch (node.type) {
    case 'string':
      return `string ${JSON.stringify(node.value)}`;
    case 'number':
      return Number.isInteger(node.value) ? `integer \`${node.value}\`` : `floating point \`${node.value}\``;
    case 'boolean':
      return `boolean \`${node.value}\``;
    case 'null':
      return 'null';
    case 'array':
      return 'sequence';
    default:
      return 'map';
  }
}

const EXPECTED: Record<FieldSpec['type'], string> = {
  string: 'a string',
  enum: 'a string',
  bool: 'a boolean',
  u16: 'u16',
  u32: 'u32',
  u64: 'u64',
  'string-list': 'a sequence',
  map: 'a map',
  'string-or-list': 'a string or a sequence of strings',
};

const MAX: Partial<Record<FieldSpec['type'], number>> = { u16: 0xffff, u32: 0xffffffff, u64: Number.MAX_SAFE_INTEGER };

interface Ctx {
  text: string;
  out: Diagnostic[];
  rules: TargetSpecRules;
}

/**
 * Which of rustc's checks apply: they changed over the years (src/toolchain/drift.ts keeps the
 * dates). The default is today's nightly.
 */
export interface TargetSpecRules {
  /**
   * The widths are JSON numbers (nightlies from late July 2025). When false, the older loader's
   * rule: they are strings (`"64"`), and a number for the pointer width is refused.
   */
  integerWidths: boolean;
  /** `data-layout` must equal LLVM's default for `llvm-target` (from February 2024). */
  dataLayoutMustMatch: boolean;
  /** `features` are checked against the ABI (`rustc-abi`, from February 2025). */
  featuresAgainstAbi: boolean;
  /** `"rustc-abi": "x86-softfloat"` is still accepted (until the 2026-07-05 nightly). */
  x86SoftfloatAlias: boolean;
}

export const TODAYS_TARGET_SPEC_RULES: TargetSpecRules = {
  integerWidths: true,
  dataLayoutMustMatch: true,
  featuresAgainstAbi: true,
  x86SoftfloatAlias: false,
};

function at(ctx: Ctx, node: Node): { start: number; end: number } {
  return { start: node.offset, end: node.offset + node.length };
}

function checkType(ctx: Ctx, name: string, spec: FieldSpec, value: Node): boolean {
  const fail = (what: 'type' | 'value', extraNotes: string[] = []) => {
    ctx.out.push({
      severity: 'error',
      source: 'rustc',
      message: `${name}: invalid ${what}: ${unexpected(value)}, expected ${EXPECTED[spec.type]}`,
      ...at(ctx, value),
      notes: extraNotes.length ? extraNotes : undefined,
    });
    return false;
  };
  switch (spec.type) {
    case 'string':
    case 'enum':
      return value.type === 'string' || fail('type');
    case 'bool':
      if (value.type === 'boolean') return true;
      return fail(
        'type',
        value.type === 'string' && (value.value === 'true' || value.value === 'false')
          ? [`Write \`${value.value}\` without quotes: JSON’s true and false are not strings.`]
          : [],
      );
    case 'u16':
    case 'u32':
    case 'u64': {
      if (!ctx.rules.integerWidths && (name === 'target-pointer-width' || name === 'target-c-int-width')) return checkStringWidth(ctx, name, value);
      if (value.type === 'number') {
        if (Number.isInteger(value.value) && value.value >= 0 && value.value <= MAX[spec.type]!) return true;
        return fail(Number.isInteger(value.value) ? 'value' : 'type');
      }
      const notes =
        value.type === 'string' && /^\d+$/.test(value.value)
          ? [
              `Write the number without quotes: \`"${name}": ${value.value}\`. Nightlies before late July ` +
                '2025 read the widths as strings, so older listings (the post’s among them) quote them; from then on rustc takes only a number.',
            ]
          : [];
      return fail('type', notes);
    }
    case 'string-list':
      if (value.type !== 'array') return fail('type');
      for (const item of value.children ?? []) {
        if (item.type !== 'string') {
          ctx.out.push({
            severity: 'error',
            source: 'rustc',
            message: `${name}: invalid type: ${unexpected(item)}, expected a string`,
            ...at(ctx, item),
          });
          return false;
        }
      }
      return true;
    case 'string-or-list':
      return value.type === 'string' || value.type === 'array' || fail('type');
    case 'map':
      return value.type === 'object' || fail('type');
  }
}

/** Rust's `str::parse` for unsigned integers: ASCII digits with an optional leading `+`. */
function parseUnsigned(s: string, max: number): number | undefined {
  if (!/^\+?\d+$/.test(s)) return undefined;
  const n = Number(s.replace(/^\+/, ''));
  return n <= max ? n : undefined;
}

/**
 * The two widths before rust-lang/rust#144443 (nightlies before 2025-07-27), when rustc's
 * hand-written loader read them as JSON strings. From `Target::from_json` in
 * compiler/rustc_target/src/spec/mod.rs of that era (read with the search tool):
 * - `target-pointer-width` came from `get_req_field`, which takes only a string
 *   (`j.as_str()`): any other JSON value counts as absent, hence "Field … is required"; a
 *   string that `parse::<u32>()` refuses gives "target-pointer-width must be an integer".
 * - `target-c-int-width` was a plain string option (`key!(c_int_width = "target-c-int-width")`):
 *   a non-string value is removed from the object and ignored, so the default `"32"` stays (no
 *   error, no unused-field warning). The string is parsed only when the data layout is built
 *   (`Target::parse_data_layout`): "failed to parse c_int_width", or
 *   "rust does not support integers with N bits" from `Integer::from_size`.
 */
function checkStringWidth(ctx: Ctx, name: 'target-pointer-width' | 'target-c-int-width', value: Node): boolean {
  const error = (message: string, notes: string[]) => {
    ctx.out.push({ severity: 'error', source: 'rustc', message, ...at(ctx, value), notes });
    return false;
  };
  if (name === 'target-pointer-width') {
    if (value.type !== 'string') {
      return error('Field target-pointer-width in target specification is required', [
        'Nightlies before late July 2025 read the pointer width as a JSON string: write ' +
          `\`"target-pointer-width": "${value.type === 'number' ? value.value : 64}"\`. A value of any other ` +
          'JSON type counts as missing. Numbers are accepted (and required) from the nightlies of 2025-07-27 on.',
      ]);
    }
    if (parseUnsigned(value.value, 0xffffffff) === undefined) {
      return error('target-pointer-width must be an integer', ['Write the width in bits as digits inside the string, like `"64"`.']);
    }
    return true;
  }
  if (value.type !== 'string') {
    ctx.out.push({
      severity: 'info',
      source: 'bootlab',
      message: 'rustc of this date ignores a target-c-int-width that is not a string and keeps its default, 32',
      ...at(ctx, value),
      notes: ['Nightlies before late July 2025 read this width as a string (`"32"`); from 2025-07-27 on it is a number.'],
    });
    return true;
  }
  const bits = parseUnsigned(value.value, Number.MAX_SAFE_INTEGER);
  if (bits === undefined) return error('failed to parse c_int_width', ['Write the width in bits as digits inside the string, like `"32"`.']);
  if (![8, 16, 32, 64, 128].includes(bits)) return error(`rust does not support integers with ${bits} bits`, ['C’s `int` is 32 bits wide on x86-64.']);
  return true;
}

function checkEnum(ctx: Ctx, name: string, spec: FieldSpec, value: Node): boolean {
  const v = value.value as string;
  const values = spec.values ?? [];
  if (values.includes(v)) return true;
  if (name === 'rustc-abi' && v === 'x86-softfloat' && ctx.rules.x86SoftfloatAlias) return true;
  const notes: string[] = [];
  if (name === 'rustc-abi' && v === 'x86-softfloat') {
    notes.push('Nightlies from July 2026 call this ABI `softfloat`; `x86-softfloat` is its earlier name.');
  } else {
    const near = closest(v, values);
    if (near) notes.push(`Did you mean \`${near}\`?`);
  }
  // rustc's wording for enum fields since its serde-based loader (2025); the `rustc-abi` form
  // is verbatim from a real log, the other nouns follow the same pattern.
  ctx.out.push({
    severity: 'error',
    source: 'rustc',
    message: `${name}: invalid ${spec.noun}: '${v}'. allowed values: ${values.map((x) => `'${x}'`).join(', ')}`,
    ...at(ctx, value),
    notes: notes.length ? notes : undefined,
  });
  return false;
}

/** The stem of a target file (`x86_64-blog_os.json` → `x86_64-blog_os`). */
export function targetName(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  return base.endsWith('.json') ? base.slice(0, -5) : base;
}

export function validateTargetSpec(
  text: string,
  fileName = 'x86_64-blog_os.json',
  rules: TargetSpecRules = TODAYS_TARGET_SPEC_RULES,
): TargetSpecResult {
  const ctx: Ctx = { text, out: [], rules };
  const fields: Record<string, unknown> = {};
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });

  if (errors.length > 0 || !root) {
    const first = errors[0];
    const offset = first ? first.offset : text.length;
    const message = first ? serdeSyntaxMessage(text, first) : 'EOF while parsing a value';
    const notes: string[] = [];
    if (text.slice(offset).startsWith('//') || text.slice(offset).startsWith('/*')) {
      notes.push('Target files are strict JSON: comments are not allowed.');
    }
    if (message === 'trailing comma') notes.push('Remove the comma after the last entry: JSON does not allow it.');
    ctx.out.push({
      severity: 'error',
      source: 'rustc',
      message,
      start: offset,
      end: Math.min(text.length, offset + Math.max(1, first?.length ?? 1)),
      notes: notes.length ? notes : undefined,
    });
    return { diagnostics: ctx.out, fields, ok: false };
  }

  if (root.type !== 'object') {
    ctx.out.push({
      severity: 'error',
      source: 'rustc',
      message: `invalid type: ${unexpected(root)}, expected a target specification object`,
      ...at(ctx, root),
    });
    return { diagnostics: ctx.out, fields, ok: false };
  }

  const seen = new Map<string, Node>();
  for (const prop of root.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const name = keyNode.value as string;
    if (seen.has(name)) {
      ctx.out.push({ severity: 'error', source: 'rustc', message: `duplicate field \`${name}\``, ...at(ctx, keyNode) });
      continue;
    }
    seen.set(name, valueNode);
    const spec = TARGET_FIELDS[name];
    if (!spec) {
      const near = closest(name, TARGET_FIELD_NAMES);
      const notes = [near ? `Did you mean \`${near}\`?` : 'rustc accepts only the fields it knows.'];
      if (name === 'morestack') notes.push('`morestack` is a field of very old targets; rustc has not known it for years.');
      ctx.out.push({
        severity: 'error',
        source: 'rustc',
        message: `unknown field \`${name}\`, expected ${oneOf(TARGET_FIELD_NAMES)}`,
        ...at(ctx, keyNode),
        notes,
      });
      continue;
    }
    if (valueNode.type === 'null' && !spec.required) continue; // serde takes null for an Option
    if (!checkType(ctx, name, spec, valueNode)) continue;
    if (spec.type === 'enum' && !checkEnum(ctx, name, spec, valueNode)) continue;
    fields[name] = nodeValue(valueNode);
  }

  for (const name of REQUIRED_FIELDS) {
    if (!seen.has(name)) {
      ctx.out.push({
        severity: 'error',
        source: 'rustc',
        message: `missing field \`${name}\``,
        start: root.offset,
        end: root.offset + 1,
        notes: [`Every target specification needs \`${name}\`.`],
      });
    }
  }

  checkFeatures(ctx, seen, fields);
  if (rules.dataLayoutMustMatch) checkDataLayout(ctx, seen, fields, fileName);

  const ok = !ctx.out.some((d) => d.severity === 'error');
  return { diagnostics: ctx.out, fields, ok };
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const p of node.children ?? []) {
        const [k, v] = p.children ?? [];
        if (k && v) o[k.value as string] = nodeValue(v);
      }
      return o;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

/** Splits `features` into flags with their offsets inside the file. */
export function splitFeatures(value: string, valueOffset: number): { flag: string; start: number; end: number }[] {
  const out: { flag: string; start: number; end: number }[] = [];
  if (value === '') return out;
  let pos = 0;
  for (const flag of value.split(',')) {
    // +1: the opening quote of the JSON string (the post's feature strings hold no escapes)
    out.push({ flag, start: valueOffset + 1 + pos, end: valueOffset + 1 + pos + flag.length });
    pos += flag.length + 1;
  }
  return out;
}

function checkFeatures(ctx: Ctx, seen: Map<string, Node>, fields: Record<string, unknown>): void {
  const node = seen.get('features');
  if (!node || typeof fields.features !== 'string') return;
  const flags = splitFeatures(fields.features, node.offset);
  const enabled = new Set<string>();
  const disabled = new Set<string>();
  for (const { flag, start, end } of flags) {
    const sign = flag[0];
    if (sign === '+' || sign === '-') {
      (sign === '+' ? enabled : disabled).add(flag.slice(1));
      continue;
    }
    const notes: string[] = [];
    if (/^\s+[+-]/.test(flag)) {
      notes.push(
        'There is a space before this flag. The flags must follow each other with only a comma between ' +
          'them, like `-mmx,-sse,+soft-float`: LLVM reads the space as part of the flag’s name.',
      );
    } else if (flag === '') {
      notes.push('There is an empty flag here: two commas in a row, or a comma at the start or end.');
    } else {
      notes.push(`Write \`+${flag.trim()}\` to turn the feature on or \`-${flag.trim()}\` to turn it off.`);
    }
    ctx.out.push({
      severity: 'error',
      source: 'rustc',
      message: `target feature \`${flag}\` is invalid, must start with \`+\` or \`-\``,
      start: flag === '' ? Math.max(node.offset + 1, start - 1) : start,
      end: flag === '' ? start + 1 : end,
      notes,
    });
  }

  // Features against the ABI (x86-64): the default ABI passes floats in SSE registers.
  const arch = typeof fields.arch === 'string' ? fields.arch : '';
  if (arch !== 'x86_64' || !ctx.rules.featuresAgainstAbi) return;
  // rustc stops at a `rustc-abi` it cannot read, before comparing features with any ABI
  const abiNode = seen.get('rustc-abi');
  if (abiNode && abiNode.type !== 'null' && !('rustc-abi' in fields)) return;
  const abi = fields['rustc-abi'];
  const softAbi = abi === 'softfloat' || (abi === 'x86-softfloat' && ctx.rules.x86SoftfloatAlias);
  const flagRange = (name: string) => {
    const f = flags.find((x) => x.flag.slice(1) === name);
    return f ? { start: f.start, end: f.end } : { start: node.offset, end: node.offset + node.length };
  };
  if (!softAbi && enabled.has('soft-float')) {
    ctx.out.push({
      severity: 'error',
      source: 'rustc',
      message: 'target feature `soft-float` is incompatible with the ABI but gets enabled in target spec',
      ...flagRange('soft-float'),
      notes: [
        'With `+soft-float`, the target must also use the soft-float ABI: add `"rustc-abi": "softfloat"`.',
      ],
    });
  }
  if (!softAbi && (disabled.has('sse2') || disabled.has('sse'))) {
    ctx.out.push({
      severity: 'error',
      source: 'rustc',
      message: 'target feature `sse2` is required by the ABI but gets disabled in target spec',
      ...flagRange(disabled.has('sse2') ? 'sse2' : 'sse'),
      notes: [
        'The default x86-64 ABI passes floating-point values in SSE registers. With SSE off, add ' +
          '`"rustc-abi": "softfloat"` (and `+soft-float` in `features`).',
      ],
    });
  }
  if (softAbi && disabled.has('soft-float')) {
    ctx.out.push({
      severity: 'error',
      source: 'rustc',
      message: 'target feature `soft-float` is required by the ABI but gets disabled in target spec',
      ...flagRange('soft-float'),
    });
  }
}

function checkDataLayout(ctx: Ctx, seen: Map<string, Node>, fields: Record<string, unknown>, fileName: string): void {
  const node = seen.get('data-layout');
  const ours = fields['data-layout'];
  const triple = fields['llvm-target'];
  if (!node || typeof ours !== 'string' || typeof triple !== 'string') return;
  const llvms = llvmDefaultDataLayout(triple);
  if (!llvms || llvms === ours) return;
  const notes = [];
  if (ours === 'e-m:e-i64:64-f80:128-n8:16:32:64-S128') {
    notes.push(
      'This is the layout of LLVM before version 18; since early 2024 LLVM adds the address spaces ' +
        '`p270`–`p272` and 128-bit alignment for `i128`. Copy the layout from this message.',
    );
  }
  ctx.out.push({
    severity: 'error',
    source: 'rustc',
    message:
      `data-layout for target \`${targetName(fileName)}-${stableHash(ctx.text)}\`, \`${ours}\`, ` +
      `differs from LLVM target's \`${triple}\` default layout, \`${llvms}\``,
    start: node.offset,
    end: node.offset + node.length,
    notes,
  });
}

/**
 * What rustc prints for the first problem (the terminal's text), e.g.
 * `error: error loading target specification: missing field \`arch\` at line 12 column 1`.
 */
export function rustcLoadError(text: string, result: TargetSpecResult): string | undefined {
  const first = result.diagnostics.find((d) => d.severity === 'error');
  if (!first) return undefined;
  if (first.message.startsWith('data-layout for target') || first.message.startsWith('target feature')) {
    return `error: ${first.message}\n`;
  }
  // serde reports the position where it noticed the problem: the end of the value, or of the object.
  const isMissing = first.message.startsWith('missing field');
  const offset = isMissing ? text.lastIndexOf('}') + 1 : first.end;
  // serde's column is that of the last character it read (1-based), hence the - 1
  const { line, column } = lineColAt(text, Math.max(0, offset - 1));
  return (
    `error: error loading target specification: ${first.message} at line ${line} column ${column}\n` +
    '  |\n' +
    '  = help: run `rustc --print target-list` for a list of built-in targets\n'
  );
}
