// Generates core/num.rs: the inherent methods and constants of the twelve integer types, which
// would be one macro in Rust's core (the subset has no macros to write them with). Machine
// primitives are body-less `#[rustc_intrinsic]` methods (compiled inline as the builtin
// `int.<name>` of thir/builtins.ts); the rest are plain Rust over them, with rustc's overflow
// behaviour: `pow` multiplies with `*`, so a debug build panics "attempt to multiply with
// overflow" exactly where rustc's does.
//
//   npx tsx src/rustc/library/gen-core-num.ts      rewrites core/num.rs (and sources.generated.ts)
import { INT_TYS, type IntTy } from '../thir/ty.ts';

interface IntInfo {
  readonly ty: IntTy;
  readonly bits: number;
  readonly signed: boolean;
  /** The unsigned type of the same width (`abs_diff`, `unsigned_abs`). */
  readonly unsigned: IntTy;
}

function info(ty: IntTy): IntInfo {
  const bits = ty.endsWith('size') ? 64 : Number(ty.slice(1));
  return { ty, bits, signed: ty[0] === 'i', unsigned: `u${ty.slice(1)}` as IntTy };
}

function minMax(i: IntInfo): { min: string; max: string } {
  if (!i.signed) return { min: '0', max: ((1n << BigInt(i.bits)) - 1n).toString() };
  const half = 1n << BigInt(i.bits - 1);
  return { min: `-${half}`, max: (half - 1n).toString() };
}

/** Body-less methods the compiler lowers inline: [name, parameters after self, result]. */
function intrinsics(t: IntTy): [string, string, string][] {
  return [
    ['wrapping_add', `rhs: ${t}`, t],
    ['wrapping_sub', `rhs: ${t}`, t],
    ['wrapping_mul', `rhs: ${t}`, t],
    ['wrapping_neg', '', t],
    ['wrapping_shl', 'rhs: u32', t],
    ['wrapping_shr', 'rhs: u32', t],
    ['overflowing_add', `rhs: ${t}`, `(${t}, bool)`],
    ['overflowing_sub', `rhs: ${t}`, `(${t}, bool)`],
    ['overflowing_mul', `rhs: ${t}`, `(${t}, bool)`],
    ['rotate_left', 'n: u32', t],
    ['rotate_right', 'n: u32', t],
    ['count_ones', '', 'u32'],
    ['leading_zeros', '', 'u32'],
    ['trailing_zeros', '', 'u32'],
    ['swap_bytes', '', t],
  ];
}

function intrinsicDecl([name, params, ret]: [string, string, string]): string {
  return `    #[rustc_intrinsic]\n    pub fn ${name}(self${params ? `, ${params}` : ''}) -> ${ret};\n`;
}

/** Methods every integer type has, written in Rust. */
function commonMethods(i: IntInfo): string {
  const t = i.ty;
  const u = i.unsigned;
  return `
    pub fn count_zeros(self) -> u32 {
        (!self).count_ones()
    }

    pub fn leading_ones(self) -> u32 {
        (!self).leading_zeros()
    }

    pub fn trailing_ones(self) -> u32 {
        (!self).trailing_zeros()
    }

    pub fn reverse_bits(self) -> ${t} {
        let mut x = self as ${u};
        let mut r: ${u} = 0;
        let mut i: u32 = 0;
        while i < ${i.bits} {
            r = (r << 1) | (x & 1);
            x = x >> 1;
            i += 1;
        }
        r as ${t}
    }

    /// x86-64 is little-endian: big-endian order swaps the bytes.
    pub fn to_be(self) -> ${t} {
        self.swap_bytes()
    }

    pub fn to_le(self) -> ${t} {
        self
    }

    pub fn from_be(x: ${t}) -> ${t} {
        x.swap_bytes()
    }

    pub fn from_le(x: ${t}) -> ${t} {
        x
    }

    /// The bytes, least significant first.
    pub fn to_le_bytes(self) -> [u8; ${i.bits / 8}] {
        let mut bytes = [0u8; ${i.bits / 8}];
        let mut v = self as ${u};
        let mut k: usize = 0;
        loop {
            bytes[k] = v as u8;
            k += 1;
            if k == ${i.bits / 8} {
                return bytes;
            }
            v = v.wrapping_shr(8);
        }
    }

    pub fn to_be_bytes(self) -> [u8; ${i.bits / 8}] {
        self.swap_bytes().to_le_bytes()
    }

    pub fn to_ne_bytes(self) -> [u8; ${i.bits / 8}] {
        self.to_le_bytes()
    }

    pub fn from_le_bytes(bytes: [u8; ${i.bits / 8}]) -> ${t} {
        let mut v: ${u} = 0;
        let mut k: usize = ${i.bits / 8};
        while k > 0 {
            k -= 1;
            v = v.wrapping_shl(8) | bytes[k] as ${u};
        }
        v as ${t}
    }

    pub fn from_be_bytes(bytes: [u8; ${i.bits / 8}]) -> ${t} {
        ${t}::from_le_bytes(bytes).swap_bytes()
    }

    pub fn from_ne_bytes(bytes: [u8; ${i.bits / 8}]) -> ${t} {
        ${t}::from_le_bytes(bytes)
    }

    pub fn overflowing_shl(self, rhs: u32) -> (${t}, bool) {
        (self.wrapping_shl(rhs), rhs >= ${i.bits})
    }

    pub fn overflowing_shr(self, rhs: u32) -> (${t}, bool) {
        (self.wrapping_shr(rhs), rhs >= ${i.bits})
    }

    pub fn ilog2(self) -> u32 {
        if self <= 0 {
            panic!("argument of integer logarithm must be positive");
        }
        ${i.bits - 1} - self.leading_zeros()
    }

    pub fn ilog10(self) -> u32 {
        if self <= 0 {
            panic!("argument of integer logarithm must be positive");
        }
        let mut n: u32 = 0;
        let mut x = self;
        while x >= 10 {
            x = x / 10;
            n += 1;
        }
        n
    }

    /// Checked by \`*\` like rustc's: a debug build panics "attempt to multiply with overflow".
    pub fn pow(self, exp: u32) -> ${t} {
        if exp == 0 {
            return 1;
        }
        let mut base = self;
        let mut acc: ${t} = 1;
        let mut e = exp;
        loop {
            if (e & 1) == 1 {
                acc = acc * base;
                if e == 1 {
                    return acc;
                }
            }
            e = e / 2;
            base = base * base;
        }
    }

    pub fn wrapping_pow(self, exp: u32) -> ${t} {
        let mut base = self;
        let mut acc: ${t} = 1;
        let mut e = exp;
        while e > 0 {
            if (e & 1) == 1 {
                acc = acc.wrapping_mul(base);
            }
            e = e / 2;
            base = base.wrapping_mul(base);
        }
        acc
    }

    /// The wrapped power and whether any multiplication overflowed (Rust's order of multiplications).
    pub fn overflowing_pow(self, exp: u32) -> (${t}, bool) {
        let mut base = self;
        let mut acc: ${t} = 1;
        let mut e = exp;
        let mut over = false;
        while e > 0 {
            if (e & 1) == 1 {
                let (r, o) = acc.overflowing_mul(base);
                acc = r;
                over = over || o;
            }
            e = e / 2;
            if e > 0 {
                let (b, o) = base.overflowing_mul(base);
                base = b;
                over = over || o;
            }
        }
        (acc, over)
    }

    pub fn min(self, other: ${t}) -> ${t} {
        if other < self { other } else { self }
    }

    pub fn max(self, other: ${t}) -> ${t} {
        if other < self { self } else { other }
    }

    /// Rust's panic message goes on with the two values ("min > max. min = 3, max = 1"): the subset cannot format them.
    pub fn clamp(self, min: ${t}, max: ${t}) -> ${t} {
        if min > max {
            panic!("min > max");
        }
        if self < min {
            min
        } else if self > max {
            max
        } else {
            self
        }
    }
`;
}

function unsignedMethods(i: IntInfo): string {
  const t = i.ty;
  return `
    pub fn overflowing_neg(self) -> (${t}, bool) {
        (self.wrapping_neg(), self != 0)
    }

    pub fn saturating_add(self, rhs: ${t}) -> ${t} {
        let (r, o) = self.overflowing_add(rhs);
        if o { ${t}::MAX } else { r }
    }

    pub fn saturating_sub(self, rhs: ${t}) -> ${t} {
        if rhs > self { 0 } else { self - rhs }
    }

    pub fn saturating_mul(self, rhs: ${t}) -> ${t} {
        let (r, o) = self.overflowing_mul(rhs);
        if o { ${t}::MAX } else { r }
    }

    pub fn saturating_pow(self, exp: u32) -> ${t} {
        let (r, o) = self.overflowing_pow(exp);
        if o { ${t}::MAX } else { r }
    }

    pub fn wrapping_div(self, rhs: ${t}) -> ${t} {
        self / rhs
    }

    pub fn wrapping_rem(self, rhs: ${t}) -> ${t} {
        self % rhs
    }

    pub fn div_euclid(self, rhs: ${t}) -> ${t} {
        self / rhs
    }

    pub fn rem_euclid(self, rhs: ${t}) -> ${t} {
        self % rhs
    }

    pub fn abs_diff(self, other: ${t}) -> ${t} {
        if self < other { other - self } else { self - other }
    }

    /// Division rounding up; a zero divisor panics "attempt to divide by zero", as in Rust.
    pub fn div_ceil(self, rhs: ${t}) -> ${t} {
        let d = self / rhs;
        if self % rhs > 0 { d + 1 } else { d }
    }

    /// The \`+\` overflows (a panic in debug builds) when the multiple does not fit, as in Rust.
    pub fn next_multiple_of(self, rhs: ${t}) -> ${t} {
        let r = self % rhs;
        if r == 0 { self } else { self + (rhs - r) }
    }

    pub fn is_power_of_two(self) -> bool {
        self.count_ones() == 1
    }

    /// The \`+ 1\` overflows for values above the largest power of two, as in rustc: a panic in
    /// debug builds, 0 in release builds.
    pub fn next_power_of_two(self) -> ${t} {
        if self <= 1 {
            return 1;
        }
        let z = (self - 1).leading_zeros();
        (${t}::MAX >> z) + 1
    }
`;
}

function signedMethods(i: IntInfo): string {
  const t = i.ty;
  const u = i.unsigned;
  return `
    pub fn overflowing_neg(self) -> (${t}, bool) {
        (self.wrapping_neg(), self == ${t}::MIN)
    }

    pub fn saturating_add(self, rhs: ${t}) -> ${t} {
        let (r, o) = self.overflowing_add(rhs);
        if !o {
            r
        } else if rhs > 0 {
            ${t}::MAX
        } else {
            ${t}::MIN
        }
    }

    pub fn saturating_sub(self, rhs: ${t}) -> ${t} {
        let (r, o) = self.overflowing_sub(rhs);
        if !o {
            r
        } else if rhs < 0 {
            ${t}::MAX
        } else {
            ${t}::MIN
        }
    }

    pub fn saturating_mul(self, rhs: ${t}) -> ${t} {
        let (r, o) = self.overflowing_mul(rhs);
        if !o {
            r
        } else if (self < 0) == (rhs < 0) {
            ${t}::MAX
        } else {
            ${t}::MIN
        }
    }

    pub fn saturating_pow(self, exp: u32) -> ${t} {
        let (r, o) = self.overflowing_pow(exp);
        if !o {
            r
        } else if self < 0 && exp % 2 == 1 {
            ${t}::MIN
        } else {
            ${t}::MAX
        }
    }

    pub fn saturating_neg(self) -> ${t} {
        if self == ${t}::MIN { ${t}::MAX } else { -self }
    }

    pub fn saturating_abs(self) -> ${t} {
        if self == ${t}::MIN { ${t}::MAX } else { self.abs() }
    }

    /// \`-self\` is checked: a debug build panics "attempt to negate with overflow" on MIN, as rustc's.
    pub fn abs(self) -> ${t} {
        if self < 0 { -self } else { self }
    }

    pub fn wrapping_abs(self) -> ${t} {
        if self < 0 { self.wrapping_neg() } else { self }
    }

    pub fn unsigned_abs(self) -> ${u} {
        self.wrapping_abs() as ${u}
    }

    pub fn signum(self) -> ${t} {
        if self < 0 {
            -1
        } else if self == 0 {
            0
        } else {
            1
        }
    }

    pub fn is_positive(self) -> bool {
        self > 0
    }

    pub fn is_negative(self) -> bool {
        self < 0
    }

    pub fn wrapping_div(self, rhs: ${t}) -> ${t} {
        if self == ${t}::MIN && rhs == -1 { self } else { self / rhs }
    }

    pub fn wrapping_rem(self, rhs: ${t}) -> ${t} {
        if rhs == -1 { 0 } else { self % rhs }
    }

    /// \`/\` and \`%\` are checked as in rustc (division by zero, MIN / -1).
    pub fn div_euclid(self, rhs: ${t}) -> ${t} {
        let q = self / rhs;
        if self % rhs < 0 {
            return if rhs > 0 { q - 1 } else { q + 1 };
        }
        q
    }

    pub fn rem_euclid(self, rhs: ${t}) -> ${t} {
        let r = self % rhs;
        if r < 0 { r.wrapping_add(rhs.wrapping_abs()) } else { r }
    }

    pub fn abs_diff(self, other: ${t}) -> ${u} {
        if self < other {
            (other as ${u}).wrapping_sub(self as ${u})
        } else {
            (self as ${u}).wrapping_sub(other as ${u})
        }
    }
`;
}

function implBlock(ty: IntTy): string {
  const i = info(ty);
  const { min, max } = minMax(i);
  return `impl ${ty} {
    pub const MIN: ${ty} = ${min};
    pub const MAX: ${ty} = ${max};
    pub const BITS: u32 = ${i.bits};

${intrinsics(ty).map(intrinsicDecl).join('\n')}${commonMethods(i)}${i.signed ? signedMethods(i) : unsignedMethods(i)}}
`;
}

export function generateCoreNum(): string {
  return `//! The inherent methods and constants of the integer types.
//!
//! Generated by src/rustc/library/gen-core-num.ts: edit the generator, not this file.
//! Body-less \`#[rustc_intrinsic]\` methods are machine operations the compiler lowers inline.
//! Rust's \`checked_*\` methods return \`Option\`, which the subset lacks; the \`overflowing_*\`
//! methods give the same information.

${INT_TYS.map(implBlock).join('\n')}`;
}
