// A generic snapshot of live objects (CPU, devices) as JSON-able data, and the inverse that
// writes such data back into the same kind of objects. Own enumerable fields are walked:
// numbers, strings, booleans, null, typed arrays, arrays, Maps and nested objects; functions
// are skipped, and so are objects in the `skip` set (shared memory, the bus) and fields named
// in SKIP_KEYS (caches and callbacks). An object reached twice is stored once; the second
// place holds a reference marker, and restore walks the graph in the same order.

const SKIP_KEYS = new Set([
  'blocks', 'pageBlocks', 'biosRegs', 'mem', 'io', 'bios', 'tlb', 'codePages', 'codeWritten', 'onCodeWrite',
  'memory', 'clock', 'irq', 'onOutput', 'onExit', 'onReset', 'onSerial', 'ports', 'handlers',
]);

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isTyped(v: unknown): v is Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array | Int8Array | Int16Array | Float32Array {
  return ArrayBuffer.isView(v) && !(v instanceof DataView);
}

export function snapshotObject(root: object, skip: Set<unknown>): Json {
  const seen = new Set<unknown>();
  const walk = (v: unknown): Json | undefined => {
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : { $num: String(v) };
    if (v === undefined) return { $undef: true };
    if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') return undefined;
    if (skip.has(v)) return undefined;
    if (seen.has(v)) return { $ref: true };
    seen.add(v);
    if (isTyped(v)) return { $typed: Array.from(v as ArrayLike<number>, (x) => (Number.isFinite(x) ? x : String(x))) as Json[] };
    if (Array.isArray(v)) return v.map((x) => walk(x) ?? null);
    if (v instanceof Map) return { $map: [...v.entries()].map(([k, x]) => [walk(k) ?? null, walk(x) ?? null]) as Json[] };
    const out: { [k: string]: Json } = {};
    for (const key of Object.keys(v as object)) {
      if (SKIP_KEYS.has(key)) continue;
      const w = walk((v as Record<string, unknown>)[key]);
      if (w !== undefined) out[key] = w;
    }
    return out;
  };
  return walk(root) ?? null;
}

function revive(x: Json): unknown {
  if (x && typeof x === 'object' && !Array.isArray(x)) {
    if ('$num' in x) return Number(x.$num);
    if ('$undef' in x) return undefined;
  }
  return x;
}

export function restoreObject(root: object, data: Json, skip: Set<unknown>): void {
  const seen = new Set<unknown>();
  const into = (target: unknown, d: Json): void => {
    if (target === null || typeof target !== 'object' || skip.has(target) || seen.has(target)) return;
    if (d === null || typeof d !== 'object') return;
    seen.add(target);
    if (isTyped(target)) {
      const arr = (d as { $typed?: (number | string)[] }).$typed;
      if (arr) (target as unknown as number[]).forEach((_, k) => { (target as unknown as number[])[k] = Number(arr[k]); });
      return;
    }
    if (target instanceof Map) {
      const entries = (d as { $map?: [Json, Json][] }).$map;
      if (!entries) return;
      target.clear();
      for (const [k, v] of entries) target.set(revive(k), Array.isArray(v) ? v.map(revive) : revive(v));
      return;
    }
    if (Array.isArray(target)) {
      if (!Array.isArray(d)) return;
      const primitive = target.every((e) => e === null || typeof e !== 'object');
      if (primitive) { target.length = 0; for (const e of d) target.push(revive(e)); return; }
      d.forEach((e, k) => into(target[k], e));
      return;
    }
    const obj = target as Record<string, unknown>;
    for (const key of Object.keys(d as object)) {
      if (SKIP_KEYS.has(key)) continue;
      const v = (d as Record<string, Json>)[key];
      const cur = obj[key];
      if (cur !== null && typeof cur === 'object') into(cur, v);
      else if (typeof cur !== 'function') obj[key] = revive(v);
    }
  };
  into(root, data);
}
