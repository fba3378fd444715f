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

/** v0 paths of the forms N<ns><path><ident> and C<crate ident>, nothing generic. */
function demangleV0Path(name: string): string | undefined {
  let i = 2;
  const base62 = (): boolean => {
    // <base-62-number> = { digit | lower | upper } "_"
    while (i < name.length && /[0-9a-zA-Z]/.test(name[i]!)) i++;
    if (name[i] !== '_') return false;
    i++;
    return true;
  };
  const ident = (): string | undefined => {
    if (name[i] === 's') {
      i++;
      if (!base62()) return undefined;
    }
    const m = /^\d+/.exec(name.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    if (name[i] === '_') i++;
    const len = Number(m[0]);
    if (i + len > name.length) return undefined;
    const text = name.slice(i, i + len);
    i += len;
    return text;
  };
  const path = (): string | undefined => {
    const tag = name[i++];
    if (tag === 'C') return ident();
    if (tag === 'N') {
      const ns = name[i++];
      if (ns === undefined || !/[a-zA-Z]/.test(ns)) return undefined;
      const inner = path();
      if (inner === undefined) return undefined;
      const id = ident();
      if (id === undefined) return undefined;
      // Closures and shims (upper-case namespaces) print as {closure#N}-style names in real
      // demanglers; keep the raw name for those rather than guess.
      if (ns >= 'A' && ns <= 'Z') return undefined;
      return `${inner}::${id}`;
    }
    return undefined;
  };
  const result = path();
  // An instantiating-crate suffix may follow; anything else means a form we do not handle.
  if (result === undefined) return undefined;
  if (i !== name.length && !/^C/.test(name.slice(i))) return undefined;
  return result;
}
