// Where each key of a TOML document is written. smol-toml gives us the values; diagnostics also
// need places ("this key is unused" under the key itself), so this small scanner walks the text
// once more and records, for every key path, the range of the key and of its value.
// It assumes the document already parsed (it is only run after smol-toml accepted it).

export interface TomlSpan {
  /** the key as written (for a table header: the name inside the brackets) */
  keyStart: number;
  keyEnd: number;
  /** the value (for a table header: the whole header line) */
  valueStart: number;
  valueEnd: number;
  /** `table` for `[a.b]` and `[[a]]` headers, `value` for `key = value` */
  kind: 'table' | 'value';
}

/** Key path → where it is written. Array-of-tables entries get their index: ['bin', 0, 'name']. */
export type TomlPath = readonly (string | number)[];

export class TomlLocations {
  private spans = new Map<string, { path: TomlPath; span: TomlSpan }>();

  static key(path: TomlPath): string {
    return path.join('\u0001');
  }

  set(path: TomlPath, span: TomlSpan): void {
    const k = TomlLocations.key(path);
    if (!this.spans.has(k)) this.spans.set(k, { path: [...path], span });
  }

  get(path: TomlPath): TomlSpan | undefined {
    return this.spans.get(TomlLocations.key(path))?.span;
  }

  /** Every key path with where it is written, in document order. */
  entries(): { path: TomlPath; span: TomlSpan }[] {
    return [...this.spans.values()];
  }

  /** The span of a path, or of its closest ancestor that is written down. */
  nearest(path: TomlPath): TomlSpan | undefined {
    for (let n = path.length; n > 0; n--) {
      const s = this.get(path.slice(0, n));
      if (s) return s;
    }
    return undefined;
  }
}

const BARE = /[A-Za-z0-9_-]/;

export function locateToml(text: string): TomlLocations {
  const loc = new TomlLocations();
  const arrayCounts = new Map<string, number>();
  let i = 0;
  let table: (string | number)[] = [];

  const skipSpaces = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  };
  const skipLineTail = () => {
    while (i < text.length && text[i] !== '\n') i++;
  };
  const skipBlank = () => {
    for (;;) {
      while (i < text.length && /\s/.test(text[i]!)) i++;
      if (text[i] === '#') skipLineTail();
      else return;
    }
  };

  function readString(): string {
    const q = text[i]!;
    if (text.startsWith(q.repeat(3), i)) {
      const close = text.indexOf(q.repeat(3), i + 3);
      let end = close < 0 ? text.length : close + 3;
      while (text[end] === q) end++; // up to two quotes may end the content
      const s = text.slice(i + 3, end - 3);
      i = end;
      return s;
    }
    let s = '';
    i++;
    while (i < text.length && text[i] !== q && text[i] !== '\n') {
      if (q === '"' && text[i] === '\\') {
        s += text[i + 1] ?? '';
        i += 2;
      } else s += text[i++];
    }
    i++;
    return s;
  }

  /** A dotted key: returns its parts and the range it covers. */
  function readKey(): { parts: string[]; start: number; end: number } {
    const parts: string[] = [];
    const start = i;
    let end = i;
    for (;;) {
      skipSpaces();
      if (text[i] === '"' || text[i] === "'") parts.push(readString());
      else {
        const s = i;
        while (i < text.length && BARE.test(text[i]!)) i++;
        parts.push(text.slice(s, i));
        if (i === s) break;
      }
      end = i;
      skipSpaces();
      if (text[i] === '.') i++;
      else break;
    }
    return { parts, start, end };
  }

  function skipValue(prefix: (string | number)[]): void {
    const c = text[i];
    if (c === '"' || c === "'") {
      readString();
    } else if (c === '[') {
      i++;
      for (;;) {
        skipBlank();
        if (i >= text.length || text[i] === ']') break;
        if (text[i] === ',') {
          i++;
          continue;
        }
        const before = i;
        skipValue(prefix);
        if (i === before) i++;
      }
      i++;
    } else if (c === '{') {
      i++;
      for (;;) {
        skipSpaces();
        if (i >= text.length || text[i] === '}' || text[i] === '\n') break;
        if (text[i] === ',') {
          i++;
          continue;
        }
        const before = i;
        readPair(prefix);
        if (i === before) i++;
      }
      i++;
    } else {
      while (i < text.length && !/[,\]}\s#]/.test(text[i]!)) i++;
    }
  }

  function readPair(prefix: (string | number)[]): void {
    const key = readKey();
    skipSpaces();
    if (text[i] !== '=') {
      skipLineTail();
      return;
    }
    i++;
    skipSpaces();
    const valueStart = i;
    const path = [...prefix, ...key.parts];
    // the tables a dotted key implies (`a.b = 1` defines table `a`) point at the key too
    for (let n = prefix.length + 1; n < path.length; n++) {
      loc.set(path.slice(0, n), { keyStart: key.start, keyEnd: key.end, valueStart, valueEnd: valueStart, kind: 'table' });
    }
    skipValue(path);
    loc.set(path, { keyStart: key.start, keyEnd: key.end, valueStart, valueEnd: i, kind: 'value' });
  }

  while (i < text.length) {
    skipBlank();
    if (i >= text.length) break;
    if (text[i] === '[') {
      const headerStart = i;
      const isArray = text[i + 1] === '[';
      i += isArray ? 2 : 1;
      const key = readKey();
      skipLineTail();
      const span = { keyStart: key.start, keyEnd: key.end, valueStart: headerStart, valueEnd: i, kind: 'table' as const };
      if (isArray) {
        const k = TomlLocations.key(key.parts);
        const n = arrayCounts.get(k) ?? 0;
        arrayCounts.set(k, n + 1);
        loc.set(key.parts, span);
        table = [...key.parts, n];
      } else table = key.parts;
      loc.set(table, span);
      continue;
    }
    const before = i;
    readPair(table);
    if (i === before) skipLineTail();
  }
  return loc;
}
