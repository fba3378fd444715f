// Runs benchmarks and prints their figures as a table. A benchmark is a file NAME.bench.ts in
// this folder whose default export is `async () => Array<{ name, value, unit }>`: it measures
// what it likes (time, instructions emulated per second, bytes, …) and returns the figures.
// Nothing here compares a figure with a limit: benchmarks report, tests assert.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CliIO } from '../src/cli/io.ts';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
}

export type Benchmark = () => Promise<BenchResult[]>;

export interface RunOptions {
  /** Folder holding the *.bench.ts files. */
  dir: string;
  /** Run only benchmarks whose file name contains one of these (all when empty). */
  filters?: readonly string[];
  io: CliIO;
}

const SUFFIX = '.bench.ts';

export function findBenchmarks(dir: string, filters: readonly string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith(SUFFIX))
    .filter((n) => filters.length === 0 || filters.some((f) => n.includes(f)))
    .sort()
    .map((n) => resolve(join(dir, n)));
}

export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return value.toFixed(0);
  if (abs >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], rightAligned: ReadonlySet<number>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (rightAligned.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

function isResult(x: unknown): x is BenchResult {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return typeof r.name === 'string' && typeof r.value === 'number' && typeof r.unit === 'string';
}

/** Runs the benchmarks; returns 0, or 1 when a benchmark threw or returned something malformed. */
export async function runBenchmarks({ dir, filters = [], io }: RunOptions): Promise<number> {
  const files = findBenchmarks(dir, filters);
  if (files.length === 0) {
    const which = filters.length > 0 ? ` matching ${filters.map((f) => `'${f}'`).join(', ')}` : '';
    io.out(`no benchmarks${which} in ${dir} (a benchmark is a file NAME${SUFFIX} there)\n`);
    return 0;
  }
  const rows: string[][] = [];
  let failures = 0;
  for (const file of files) {
    const bench = file.slice(file.lastIndexOf('/') + 1, -SUFFIX.length);
    io.err(`running ${bench}…\n`);
    const started = performance.now();
    try {
      const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
      if (typeof mod.default !== 'function') throw new Error('has no default-exported function');
      const results: unknown = await (mod.default as () => unknown)();
      if (!Array.isArray(results) || !results.every(isResult)) {
        throw new Error('must return an array of { name: string, value: number, unit: string }');
      }
      for (const r of results) rows.push([bench, r.name, formatValue(r.value), r.unit]);
    } catch (e) {
      failures++;
      io.err(`${bench}: error: ${e instanceof Error ? e.message : String(e)}\n`);
      rows.push([bench, '(failed)', '', '']);
    }
    const seconds = (performance.now() - started) / 1000;
    rows.push([bench, '(wall time)', formatValue(seconds), 's']);
  }
  io.out(formatTable(['benchmark', 'name', 'value', 'unit'], rows, new Set([2])));
  return failures === 0 ? 0 : 1;
}
