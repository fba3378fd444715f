// XXH3-64 (seed 0, default secret), the hash rust-lld uses to spread the pieces of merge
// sections over its 32 shards, which decides their order in the output. Written from the
// XXH3 specification; checked against libxxhash in the oracle tests.

const M64 = (1n << 64n) - 1n;
const P32_1 = 0x9e3779b1n;
const P32_2 = 0x85ebca77n;
const P32_3 = 0xc2b2ae3dn;
const P64_1 = 0x9e3779b185ebca87n;
const P64_2 = 0xc2b2ae3d27d4eb4fn;
const P64_3 = 0x165667b19e3779f9n;
const P64_4 = 0x85ebca77c2b2ae63n;
const P64_5 = 0x27d4eb2f165667c5n;
const MX1 = 0x165667919e3779f9n;
const MX2 = 0x9fb21c651e98df25n;

/** The specification's default 192-byte secret. */
const SECRET = hexBytes(
  'b8fe6c3923a44bbe7c01812cf721ad1cded46de9839097db7240a4a4b7b3671fcb79e64eccc0e578825ad07dccff7221' +
    'b8084674f743248ee03590e6813a264c3c2852bb91c300cb88d0658b1b532ea371644897a20df94e3819ef46a9deacd8' +
    'a8fa763fe39c343ff9dcbbc7c70b4f1d8a51e04bcdb45931c89f7ec9d9787364eac5ac8334d3ebc3c581a0fffa1363eb' +
    '170ddd51b7f0da49d316552629d4689e2b16be587d47a1fc8ff8b8d17ad031ce45cb3a8f95160428afd7fbcabb4b407e',
);

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function r32(b: Uint8Array, i: number): bigint {
  return BigInt((b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0);
}

function r64(b: Uint8Array, i: number): bigint {
  return r32(b, i) | (r32(b, i + 4) << 32n);
}

const mul = (a: bigint, b: bigint) => (a * b) & M64;
const add = (a: bigint, b: bigint) => (a + b) & M64;
const rotl = (x: bigint, r: bigint) => ((x << r) | (x >> (64n - r))) & M64;

function swap64(x: bigint): bigint {
  let y = 0n;
  for (let i = 0n; i < 8n; i++) y = (y << 8n) | ((x >> (8n * i)) & 0xffn);
  return y;
}

/** Low and high halves of the 128-bit product, xor-folded. */
function foldedMultiply(a: bigint, b: bigint): bigint {
  const p = a * b;
  return (p & M64) ^ (p >> 64n);
}

function avalanche(h: bigint): bigint {
  h ^= h >> 37n;
  h = mul(h, MX1);
  return h ^ (h >> 32n);
}

function xxh64Avalanche(h: bigint): bigint {
  h ^= h >> 33n;
  h = mul(h, P64_2);
  h ^= h >> 29n;
  h = mul(h, P64_3);
  return h ^ (h >> 32n);
}

function rrmxmx(h: bigint, len: bigint): bigint {
  h ^= rotl(h, 49n) ^ rotl(h, 24n);
  h = mul(h, MX2);
  h ^= add(h >> 35n, len);
  h = mul(h, MX2);
  return h ^ (h >> 28n);
}

function mix16(d: Uint8Array, i: number, s: number): bigint {
  return foldedMultiply(r64(d, i) ^ r64(SECRET, s), r64(d, i + 8) ^ r64(SECRET, s + 8));
}

export function xxh3_64(d: Uint8Array): bigint {
  const len = d.length;
  const L = BigInt(len);
  if (len === 0) return xxh64Avalanche(r64(SECRET, 56) ^ r64(SECRET, 64));
  if (len <= 3) {
    const combined = (BigInt(d[0]!) << 16n) | (BigInt(d[len >> 1]!) << 24n) | BigInt(d[len - 1]!) | (L << 8n);
    return xxh64Avalanche(combined ^ (r32(SECRET, 0) ^ r32(SECRET, 4)));
  }
  if (len <= 8) {
    const value = add(r32(d, len - 4), r32(d, 0) << 32n);
    return rrmxmx(value ^ (r64(SECRET, 8) ^ r64(SECRET, 16)), L);
  }
  if (len <= 16) {
    const lo = r64(d, 0) ^ (r64(SECRET, 24) ^ r64(SECRET, 32));
    const hi = r64(d, len - 8) ^ (r64(SECRET, 40) ^ r64(SECRET, 48));
    return avalanche(add(add(add(L, swap64(lo)), hi), foldedMultiply(lo, hi)));
  }
  if (len <= 128) {
    let acc = mul(L, P64_1);
    const pairs = len > 96 ? 4 : len > 64 ? 3 : len > 32 ? 2 : 1;
    for (let k = 0; k < pairs; k++) {
      acc = add(acc, mix16(d, 16 * k, 32 * k));
      acc = add(acc, mix16(d, len - 16 * (k + 1), 32 * k + 16));
    }
    return avalanche(acc);
  }
  if (len <= 240) {
    let acc = mul(L, P64_1);
    for (let k = 0; k < 8; k++) acc = add(acc, mix16(d, 16 * k, 16 * k));
    acc = avalanche(acc);
    const rounds = Math.floor(len / 16);
    for (let k = 8; k < rounds; k++) acc = add(acc, mix16(d, 16 * k, 16 * (k - 8) + 3));
    acc = add(acc, mix16(d, len - 16, 136 - 17));
    return avalanche(acc);
  }
  return hashLong(d);
}

function hashLong(d: Uint8Array): bigint {
  const acc = [P32_3, P64_1, P64_2, P64_3, P64_4, P32_2, P64_5, P32_1];
  const stripesPerBlock = (SECRET.length - 64) / 8;
  const blockLen = 64 * stripesPerBlock;
  const blocks = Math.floor((d.length - 1) / blockLen);
  const stripe = (at: number, s: number) => {
    for (let i = 0; i < 8; i++) {
      const value = r64(d, at + 8 * i);
      const key = value ^ r64(SECRET, s + 8 * i);
      acc[i ^ 1] = add(acc[i ^ 1]!, value);
      acc[i] = add(acc[i]!, (key & 0xffffffffn) * (key >> 32n));
    }
  };
  for (let n = 0; n < blocks; n++) {
    for (let k = 0; k < stripesPerBlock; k++) stripe(n * blockLen + 64 * k, 8 * k);
    for (let i = 0; i < 8; i++) {
      let a = acc[i]!;
      a ^= a >> 47n;
      a ^= r64(SECRET, SECRET.length - 64 + 8 * i);
      acc[i] = mul(a, P32_1);
    }
  }
  const lastStripes = Math.floor((d.length - 1 - blockLen * blocks) / 64);
  for (let k = 0; k < lastStripes; k++) stripe(blocks * blockLen + 64 * k, 8 * k);
  stripe(d.length - 64, SECRET.length - 64 - 7);
  let result = mul(BigInt(d.length), P64_1);
  for (let i = 0; i < 4; i++) {
    result = add(result, foldedMultiply(acc[2 * i]! ^ r64(SECRET, 11 + 16 * i), acc[2 * i + 1]! ^ r64(SECRET, 11 + 16 * i + 8)));
  }
  return avalanche(result);
}
