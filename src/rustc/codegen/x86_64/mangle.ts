// Symbol names for items without #[no_mangle], in the shape of rustc's legacy mangling:
// _ZN + length-prefixed path segments + a 17h<16 hex digits> hash segment + E. The hash is
// FNV-1a over the crate name and path (rustc hashes its own crate metadata; ours only needs to
// be stable and to keep same-named items of different crates apart). The linker's demangler
// shows these as `crate::path::name::h<hash>`, as rust-lld does.
export function mangle(crate: string, path: readonly string[]): string {
  let h = 0xcbf29ce484222325n;
  for (const ch of new TextEncoder().encode([crate, ...path].join('::'))) {
    h ^= BigInt(ch);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  const segments = [crate, ...path].map((s) => `${new TextEncoder().encode(s).length}${s}`).join('');
  return `_ZN${segments}17h${h.toString(16).padStart(16, '0')}E`;
}
