// The naming conventions rustc's nonstandard_style lints check, and the names they suggest:
// UpperCamelCase for types and variants, snake_case for functions, variables and fields,
// UPPER_CASE for statics and constants. Same rules as rustc (underscores at the ends are
// ignored; a lower/upper boundary starts a new word).

const isUpper = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();
const isLower = (c: string): boolean => c !== c.toUpperCase() && c === c.toLowerCase();
const hasCase = (c: string): boolean => isUpper(c) || isLower(c);

function trimUnderscores(s: string): string {
  return s.replace(/^_+|_+$/g, '');
}

export function isCamelCase(name: string): boolean {
  const n = trimUnderscores(name);
  if (n === '') return true;
  const chars = [...n];
  if (isLower(chars[0]!)) return false;
  if (n.includes('__')) return false;
  for (let i = 0; i + 1 < chars.length; i++) {
    const a = chars[i]!;
    const b = chars[i + 1]!;
    if ((hasCase(a) && b === '_') || (hasCase(b) && a === '_')) return false;
  }
  return true;
}

export function toCamelCase(name: string): string {
  const parts = trimUnderscores(name)
    .split('_')
    .filter((p) => p !== '')
    .map((part) => {
      let out = '';
      let newWord = true;
      let prevLower = true;
      for (const c of part) {
        if (prevLower && isUpper(c)) newWord = true;
        out += newWord ? c.toUpperCase() : c.toLowerCase();
        prevLower = isLower(c);
        newWord = false;
      }
      return out;
    });
  let acc = '';
  let prev: string | undefined;
  for (const next of parts) {
    // Two parts whose boundary has no case change keep their underscore.
    const join = prev !== undefined && !hasCase([...prev].pop()!) && !hasCase([...next][0]!);
    acc += (join ? '_' : '') + next;
    prev = next;
  }
  return acc;
}

export function isSnakeCase(name: string): boolean {
  const n = trimUnderscores(name);
  let allowUnderscore = true;
  for (const c of n) {
    if (c === '_') {
      if (!allowUnderscore) return false;
      allowUnderscore = false;
    } else if (isUpper(c)) {
      return false;
    } else {
      allowUnderscore = true;
    }
  }
  return true;
}

export function toSnakeCase(name: string): string {
  const words: string[] = [];
  let rest = name;
  while (rest.startsWith('_')) {
    words.push('');
    rest = rest.slice(1);
  }
  for (const s of rest.split('_')) {
    if (s === '') continue;
    let lastUpper = false;
    let buf = '';
    for (const ch of s) {
      if (buf !== '' && isUpper(ch) && !lastUpper) {
        words.push(buf);
        buf = '';
      }
      lastUpper = isUpper(ch);
      buf += ch.toLowerCase();
    }
    words.push(buf);
  }
  return words.join('_');
}

export function isUpperCase(name: string): boolean {
  return ![...name].some(isLower);
}
