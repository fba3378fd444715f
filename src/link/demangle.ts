// Symbol names as rust-lld prints them in messages: it demangles by default. This covers the
// two forms rustc emits for plain paths — legacy `_ZN…E` (printed as the raw path components
// joined by ::, hash included, exactly as an Itanium demangler shows them) and v0 `_R` paths
// made of crate roots and nested names. Anything else (C++ with parameters, generic v0 paths)
// is printed as it is.

export function demangle(name: string): string {
  if (name.startsWith('_ZN')) return demangleLegacy(name) ?? name;
  if (name.startsWith('_R')) return demangleV0Path(name) ?? name;
  return name;
}

function demangleLegacy(name: string): string | undefined {
  let i = 3;
  const parts: string[] = [];
  while (i < name.length && name[i] !== 'E') {
    const m = /^\d+/.exec(name.slice(i));
    if (!m) return undefined;
    const len = Number(m[0]);
    i += m[0].length;
    if (len === 0 || i + len > name.length) return undefined;
    parts.push(name.slice(i, i + len));
    i += len;
  }
  if (name[i] !== 'E' || i !== name.length - 1 || parts.length === 0) return undefined;
  return parts.join('::');
}

const BASIC_TYPES: Record<string, string> = {
  a: 'i8', b: 'bool', c: 'char', d: 'f64', e: 'str', f: 'f32', h: 'u8', i: 'isize', j: 'usize', l: 'i32', m: 'u32',
  n: 'i128', o: 'u128', s: 'i16', t: 'u16', u: '()', v: '...', x: 'i64', y: 'u64', z: '!', p: '_',
};

class V0Error extends Error {}

/**
 * A v0 demangler (RFC 2603 grammar) for what rustc puts in symbol names: crate roots, nested
 * names, inherent and trait impls (`<T>::f`, `<T as Trait>::f`), closures and shims, generic
 * arguments of basic, reference, pointer, array, slice, tuple and path types, back-references.
 * Printed the way LLVM's demangler (and so rust-lld) prints them: no crate hashes.
 */
function demangleV0Path(name: string): string | undefined {
  const text = name.slice(2);
  let i = 0;
  const peek = () => text[i];
  const next = () => {
    if (i >= text.length) throw new V0Error();
    return text[i++]!;
  };
  const base62 = (): number => {
    if (peek() === '_') {
      i++;
      return 0;
    }
    let v = 0;
    for (;;) {
      const c = next();
      if (c === '_') return v + 1;
      const d = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c >= 'a' && c <= 'z' ? c.charCodeAt(0) - 87 : c >= 'A' && c <= 'Z' ? c.charCodeAt(0) - 29 : -1;
      if (d < 0) throw new V0Error();
      v = v * 62 + d;
    }
  };
  const disambiguator = (): number => {
    if (peek() !== 's') return 0;
    i++;
    return base62() + 1;
  };
  const identifier = (): string => {
    const m = /^\d+/.exec(text.slice(i));
    if (!m) throw new V0Error();
    i += m[0].length;
    if (peek() === '_') i++;
    const len = Number(m[0]);
    if (i + len > text.length) throw new V0Error();
    const id = text.slice(i, i + len);
    i += len;
    return id;
  };
  // A back-reference may lead to another; a damaged name could loop, so depth is bounded.
  let depth = 0;
  const withBackref = <T>(parse: () => T): T => {
    const target = base62();
    if (target >= i || ++depth > 100) throw new V0Error();
    const saved = i;
    i = target;
    const result = parse();
    i = saved;
    depth--;
    return result;
  };
  const genericArgs = (): string => {
    const args: string[] = [];
    while (peek() !== 'E') {
      if (peek() === 'L') {
        i++;
        base62();
        continue;
      }
      if (peek() === 'K') {
        i++;
        args.push(constant());
        continue;
      }
      args.push(type());
    }
    i++;
    return args.join(', ');
  };
  const constant = (): string => {
    if (peek() === 'p') {
      i++;
      return '_';
    }
    if (peek() === 'B') {
      i++;
      return withBackref(constant);
    }
    const ty = next();
    const negative = peek() === 'n';
    if (negative) i++;
    let hex = '';
    while (peek() !== '_') hex += next();
    i++;
    const value = hex === '' ? 0n : BigInt('0x' + hex);
    if (ty === 'b') return value === 0n ? 'false' : 'true';
    if (ty === 'c') return `'${String.fromCodePoint(Number(value))}'`;
    return `${negative ? '-' : ''}${value}`;
  };
  const type = (): string => {
    const c = next();
    if (BASIC_TYPES[c] !== undefined) return BASIC_TYPES[c]!;
    switch (c) {
      case 'R':
      case 'Q': {
        if (peek() === 'L') {
          i++;
          base62();
        }
        return (c === 'R' ? '&' : '&mut ') + type();
      }
      case 'P':
        return '*const ' + type();
      case 'O':
        return '*mut ' + type();
      case 'A': {
        const t = type();
        return `[${t}; ${constant()}]`;
      }
      case 'S':
        return `[${type()}]`;
      case 'T': {
        const items: string[] = [];
        while (peek() !== 'E') items.push(type());
        i++;
        return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
      }
      case 'B':
        return withBackref(type);
      case 'D': {
        // dyn Trait + Trait<Assoc = T> ... then a lifetime.
        if (peek() === 'G') {
          i++;
          base62();
        }
        const traits: string[] = [];
        while (peek() !== 'E') {
          let trait = path(true);
          const bindings: string[] = [];
          while (peek() === 'p') {
            i++;
            const name = identifier();
            bindings.push(`${name} = ${type()}`);
          }
          if (bindings.length > 0) trait = trait.endsWith('>') ? `${trait.slice(0, -1)}, ${bindings.join(', ')}>` : `${trait}<${bindings.join(', ')}>`;
          traits.push(trait);
        }
        i++;
        if (peek() === 'L') {
          i++;
          base62();
        }
        return `dyn ${traits.join(' + ')}`;
      }
      default:
        i--;
        return path(true);
    }
  };
  const path = (inType = false): string => {
    const c = next();
    switch (c) {
      case 'C': {
        disambiguator();
        return identifier();
      }
      case 'N': {
        const ns = next();
        const parent = path(inType);
        const dis = disambiguator();
        const id = identifier();
        if (ns >= 'a' && ns <= 'z') return `${parent}::${id}`;
        const kind = ns === 'C' ? 'closure' : ns === 'S' ? 'shim' : ns;
        return `${parent}::{${kind}${id ? ':' + id : ''}#${dis}}`;
      }
      case 'M': {
        disambiguator();
        path();
        return `<${type()}>`;
      }
      case 'X': {
        disambiguator();
        path();
        const self = type();
        return `<${self} as ${path(true)}>`;
      }
      case 'Y': {
        const self = type();
        return `<${self} as ${path(true)}>`;
      }
      case 'I': {
        const base = path(inType);
        return `${base}${inType ? '' : '::'}<${genericArgs()}>`;
      }
      case 'B':
        return withBackref(() => path(inType));
      default:
        throw new V0Error();
    }
  };
  try {
    const result = path();
    // What may follow: an instantiating crate (a path) — not printed.
    return result;
  } catch (e) {
    if (e instanceof V0Error) return undefined;
    throw e;
  }
}
