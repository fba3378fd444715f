// The fields rustc accepts in a target specification (`x86_64-blog_os.json`), with the JSON
// type its parser wants, the values it allows, and a short explanation in our own words for
// the editor's hover. The field list follows rustc_target's serde-based JSON loader
// (`TargetSpecJson`, which denies unknown fields), as in 2026 nightlies.

export type FieldType =
  | 'string'
  | 'bool'
  | 'u16'
  | 'u32'
  | 'u64'
  | 'string-list'
  | 'map'
  | 'string-or-list'
  | 'enum';

export interface FieldSpec {
  type: FieldType;
  /** for `enum` fields: the accepted strings, and the noun rustc's message uses */
  values?: readonly string[];
  noun?: string;
  required?: boolean;
  /** our explanation, markdown; fields without one get a generic line by type */
  doc?: string;
}

const enumField = (noun: string, values: readonly string[], doc?: string): FieldSpec => ({
  type: 'enum',
  noun,
  values,
  doc,
});

export const LINKER_FLAVORS = [
  'gnu', 'gnu-cc', 'gnu-lld', 'gnu-lld-cc', 'darwin', 'darwin-cc', 'darwin-lld', 'darwin-lld-cc',
  'wasm-lld', 'wasm-lld-cc', 'unix', 'unix-cc', 'msvc-lld', 'em-cc', 'bpf', 'ptx', 'llbc',
  'gcc', 'ld', 'ld.lld', 'ld64.lld', 'lld-link', 'wasm-ld', 'msvc', 'em', 'bpf-linker', 'ptx-linker',
] as const;

export const PANIC_STRATEGIES = ['unwind', 'abort', 'immediate-abort'] as const;

/** Today's nightly names (the x86 soft-float ABI was called `x86-softfloat` until July 2026). */
export const RUSTC_ABIS = ['x86-sse2', 'softfloat'] as const;

/** Field name → what rustc wants. Order: the four required ones first, as rustc declares them. */
export const TARGET_FIELDS: Readonly<Record<string, FieldSpec>> = {
  'llvm-target': {
    type: 'string',
    required: true,
    doc:
      'The target triple handed to LLVM, which picks the instruction set, object format and calling ' +
      'conventions from it. For a kernel that runs with no operating system underneath, use ' +
      '`x86_64-unknown-none`: a 64-bit x86 CPU, no particular vendor, and no OS.',
  },
  'target-pointer-width': {
    type: 'u16',
    required: true,
    doc:
      'How many bits a pointer (and `usize`) has. A number, not a string: `64` for x86-64. ' +
      'Older listings wrote `"64"` in quotes; rustc stopped accepting that in 2025.',
  },
  'data-layout': {
    type: 'string',
    required: true,
    doc:
      'LLVM’s description of the memory layout: byte order (`e` = little-endian), symbol mangling ' +
      '(`m:e` = ELF), alignments of integer and float types, native integer widths (`n8:16:32:64`) ' +
      'and stack alignment (`S128`). It must be exactly the layout LLVM itself uses for the ' +
      '`llvm-target`, or rustc refuses to build.',
  },
  arch: {
    type: 'string',
    required: true,
    doc:
      'The CPU architecture as Rust code sees it: `cfg(target_arch = "x86_64")` is true when this ' +
      'says `x86_64`. It also selects the calling conventions and inline-assembly registers.',
  },
  metadata: { type: 'map', doc: 'Descriptive information (description, tier…) that rustc keeps for documentation only.' },
  'target-endian': enumField('endian', ['little', 'big'], 'Byte order of the CPU: `little` for x86.'),
  'target-c-int-width': {
    type: 'u16',
    doc:
      'Width in bits of C’s `int` (Rust’s `core::ffi::c_int`). `32` on x86-64. Like the pointer ' +
      'width it is a number today; the old string form `"32"` is rejected.',
  },
  'c-enum-min-bits': { type: 'u64', doc: 'The smallest size in bits of a C-like enum with `#[repr(C)]`.' },
  os: {
    type: 'string',
    doc:
      'The operating system, as `cfg(target_os = …)` sees it. `none` means bare metal: no OS ' +
      'underneath. Cargo’s `[target.\'cfg(target_os = "none")\']` table in `.cargo/config.toml` ' +
      'applies to this target because of this field.',
  },
  env: { type: 'string', doc: 'The C library or environment (`gnu`, `musl`…): `cfg(target_env)`. Empty for a kernel.' },
  abi: { type: 'string', doc: 'The ABI variant seen by `cfg(target_abi)`. Empty for a kernel.' },
  vendor: { type: 'string', doc: 'The vendor part of the triple: `cfg(target_vendor)`. Defaults to `unknown`.' },
  linker: {
    type: 'string',
    doc:
      'The program that links the object files into the kernel executable. `rust-lld` is the LLD ' +
      'linker that ships with Rust, so nothing extra has to be installed and it works the same on ' +
      'Linux, macOS and Windows.',
  },
  'linker-flavor': enumField(
    'linker flavor',
    LINKER_FLAVORS,
    'Which command-line dialect rustc speaks to the linker. `ld.lld` (or its newer name ' +
      '`gnu-lld`) means: talk to LLD directly, as to GNU ld, with no C compiler in between.',
  ),
  'lld-flavor': enumField('lld flavor', ['darwin', 'gnu', 'link', 'wasm']),
  'linker-is-gnu': { type: 'bool' },
  'pre-link-objects': { type: 'map' },
  'post-link-objects': { type: 'map' },
  'pre-link-objects-fallback': { type: 'map' },
  'post-link-objects-fallback': { type: 'map' },
  'crt-objects-fallback': { type: 'string' },
  'link-self-contained': { type: 'map' },
  'pre-link-args': {
    type: 'map',
    doc: 'Extra linker arguments placed before the object files, keyed by linker flavor: `{ "ld.lld": ["…"] }`.',
  },
  'late-link-args': { type: 'map' },
  'late-link-args-dynamic': { type: 'map' },
  'late-link-args-static': { type: 'map' },
  'post-link-args': { type: 'map', doc: 'Extra linker arguments placed after everything else, keyed by linker flavor.' },
  'link-script': { type: 'string', doc: 'A linker script, given inline as text.' },
  'link-env': { type: 'string-list' },
  'link-env-remove': { type: 'string-list' },
  'asm-args': { type: 'string-list' },
  cpu: { type: 'string', doc: 'The CPU model LLVM optimises for and may use instructions of (default: generic).' },
  'need-explicit-cpu': { type: 'bool' },
  features: {
    type: 'string',
    doc:
      'CPU features to switch on (`+name`) or off (`-name`), separated by commas **with no spaces**. ' +
      '`-mmx,-sse` keeps the compiler away from SIMD registers, which a kernel would otherwise have ' +
      'to save on every interrupt; `+soft-float` then does floating-point arithmetic with ordinary ' +
      'integer instructions. With soft-float the target also needs `"rustc-abi"` set to the ' +
      'soft-float ABI.',
  },
  'dynamic-linking': { type: 'bool' },
  'direct-access-external-data': { type: 'bool' },
  'dll-tls-export': { type: 'bool' },
  'only-cdylib': { type: 'bool' },
  executables: {
    type: 'bool',
    doc: 'Whether this target can produce executables (`true` for a kernel, which is one).',
  },
  'relocation-model': enumField('relocation model', ['static', 'pic', 'pie', 'dynamic-no-pic', 'ropi', 'rwpi', 'ropi-rwpi', 'default']),
  'code-model': enumField('code model', ['tiny', 'small', 'kernel', 'medium', 'large']),
  'tls-model': enumField('TLS model', ['global-dynamic', 'local-dynamic', 'initial-exec', 'local-exec', 'emulated']),
  'disable-redzone': {
    type: 'bool',
    doc:
      'Turns off the “red zone”: 128 bytes below the stack pointer that ordinary functions may use ' +
      'without moving it. An interrupt pushes its frame right there and would overwrite that data, ' +
      'so a kernel sets this to `true`.',
  },
  'frame-pointer': enumField('frame pointer', ['always', 'non-leaf', 'may-omit']),
  'function-sections': { type: 'bool' },
  'dll-prefix': { type: 'string' },
  'dll-suffix': { type: 'string' },
  'exe-suffix': { type: 'string' },
  'staticlib-prefix': { type: 'string' },
  'staticlib-suffix': { type: 'string' },
  'target-family': { type: 'string-or-list', doc: '`cfg(unix)`/`cfg(windows)`-style families; none for a kernel.' },
  'abi-return-struct-as-int': { type: 'bool' },
  'is-like-aix': { type: 'bool' },
  'is-like-darwin': { type: 'bool' },
  'is-like-solaris': { type: 'bool' },
  'is-like-windows': { type: 'bool' },
  'is-like-msvc': { type: 'bool' },
  'is-like-wasm': { type: 'bool' },
  'is-like-android': { type: 'bool' },
  'is-like-vexos': { type: 'bool' },
  'binary-format': enumField('binary format', ['coff', 'elf', 'mach-o', 'wasm', 'xcoff']),
  'default-dwarf-version': { type: 'u32' },
  'allows-weak-linkage': { type: 'bool' },
  'has-rpath': { type: 'bool' },
  'no-default-libraries': { type: 'bool' },
  'position-independent-executables': { type: 'bool' },
  'static-position-independent-executables': { type: 'bool' },
  'plt-by-default': { type: 'bool' },
  'relro-level': enumField('relro level', ['full', 'partial', 'off', 'none']),
  'archive-format': { type: 'string' },
  'allow-asm': { type: 'bool' },
  'main-needs-argc-argv': { type: 'bool' },
  'has-thread-local': { type: 'bool' },
  'obj-is-bitcode': { type: 'bool' },
  'max-atomic-width': { type: 'u64' },
  'min-atomic-width': { type: 'u64' },
  'atomic-cas': { type: 'bool' },
  'panic-strategy': enumField(
    'panic strategy',
    PANIC_STRATEGIES,
    'What a panic does. `abort` stops right away instead of unwinding the stack (unwinding needs ' +
      'support code a bare-metal kernel does not have). Unlike `panic = "abort"` in Cargo.toml, this ' +
      'also applies when `core` itself is compiled for the target.',
  ),
  'crt-static-allows-dylibs': { type: 'bool' },
  'crt-static-default': { type: 'bool' },
  'crt-static-respected': { type: 'bool' },
  'stack-probes': { type: 'map' },
  'min-global-align': { type: 'u64' },
  'default-codegen-units': { type: 'u64' },
  'default-codegen-backend': { type: 'string' },
  'trap-unreachable': { type: 'bool' },
  'requires-lto': { type: 'bool' },
  singlethread: { type: 'bool' },
  'no-builtins': { type: 'bool' },
  'default-visibility': enumField('symbol visibility', ['hidden', 'protected', 'interposable']),
  'emit-debug-gdb-scripts': { type: 'bool' },
  'requires-uwtable': { type: 'bool' },
  'default-uwtable': { type: 'bool' },
  'simd-types-indirect': { type: 'bool' },
  'limit-rdylib-exports': { type: 'bool' },
  'override-export-symbols': { type: 'string-list' },
  'merge-functions': enumField('merge functions', ['disabled', 'trampolines', 'aliases']),
  'target-mcount': { type: 'string' },
  'llvm-mcount-intrinsic': { type: 'string' },
  'llvm-abiname': { type: 'string' },
  'llvm-floatabi': enumField('float abi', ['soft', 'hard']),
  'rustc-abi': enumField(
    'rustc abi',
    RUSTC_ABIS,
    'Which calling convention Rust uses for floating-point values. With SSE switched off and ' +
      '`+soft-float` in `features`, floats cannot travel in SSE registers, so the target must say ' +
      '`"softfloat"` here (nightlies before July 2026 called it `"x86-softfloat"`).',
  ),
  'relax-elf-relocations': { type: 'bool' },
  'llvm-args': { type: 'string-list' },
  'use-ctors-section': { type: 'bool' },
  'eh-frame-header': { type: 'bool' },
  'has-thumb-interworking': { type: 'bool' },
  'debuginfo-kind': enumField('debuginfo kind', ['dwarf', 'dwarf-dsym', 'pdb']),
  'split-debuginfo': enumField('split debuginfo', ['off', 'packed', 'unpacked']),
  'supported-split-debuginfo': { type: 'string-list' },
  'supported-sanitizers': { type: 'string-list' },
  'generate-arange-section': { type: 'bool' },
  'supports-stack-protector': { type: 'bool' },
  'small-data-threshold-support': { type: 'string' },
  'entry-name': { type: 'string' },
  'entry-abi': { type: 'string' },
  'supports-xray': { type: 'bool' },
};

export const TARGET_FIELD_NAMES: readonly string[] = Object.keys(TARGET_FIELDS);
export const REQUIRED_FIELDS: readonly string[] = TARGET_FIELD_NAMES.filter((n) => TARGET_FIELDS[n]!.required);

const GENERIC: Record<FieldType, string> = {
  string: 'a string',
  bool: '`true` or `false`',
  u16: 'a whole number',
  u32: 'a whole number',
  u64: 'a whole number',
  'string-list': 'a list of strings',
  map: 'an object',
  'string-or-list': 'a string or a list of strings',
  enum: 'one of a fixed set of strings',
};

/** Markdown for the hover on a field name. */
export function fieldHover(name: string): string | undefined {
  const spec = TARGET_FIELDS[name];
  if (!spec) return undefined;
  const lines = [`**\`${name}\`**${spec.required ? ' — required' : ''}`];
  lines.push(spec.doc ?? `A target option that this post does not use. rustc expects ${GENERIC[spec.type]} here.`);
  if (spec.values) lines.push(`Allowed values: ${spec.values.map((v) => `\`${v}\``).join(', ')}.`);
  return lines.join('\n\n');
}

/** The layout LLVM uses for a triple, for the triples we know; undefined when we cannot tell. */
export function llvmDefaultDataLayout(llvmTarget: string): string | undefined {
  const [arch = '', ...parts] = llvmTarget.split('-');
  const rest = parts.join('-');
  const mangling = /darwin|macos|ios|tvos|watchos|visionos/.test(rest) ? 'o' : /windows/.test(rest) ? 'w' : 'e';
  if (arch === 'x86_64') {
    return `e-m:${mangling}-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128`;
  }
  if (/^i[3-6]86$/.test(arch) && mangling === 'e') {
    return 'e-m:e-p:32:32-p270:32:32-p271:32:32-p272:64:64-i128:128-f64:32:64-f80:32-n8:16:32-S128';
  }
  if (arch === 'aarch64' && mangling === 'e') {
    return 'e-m:e-p270:32:32-p271:32:32-p272:64:64-i8:8:32-i16:16:32-i64:64-i128:128-n32:64-S128-Fn32';
  }
  return undefined;
}
