// The lowering programs (testdata/programs.ts) through parse → typeck (with our core) → lower →
// IR interpreter, in debug and release, against what the host's rustc 1.95 printed for them
// (recorded here from lower.oracle.test.ts's host side, which re-checks them live). Values
// exactly; panics by message and line (the column is compared live by the oracle test).
import { describe, expect, it, vi } from 'vitest';
import { ourRun } from './testdata/our-run.ts';
import { PROGRAMS } from './testdata/programs.ts';

vi.setConfig({ testTimeout: 120_000 });

/** rustc 1.95, `-C opt-level=0 -C overflow-checks=on` and `-O`. */
const RUSTC: Record<string, { debug: string; release: string }> = {
  "arithmetic mix": { debug: "value 321348", release: "value 321348" },
  "add overflow": { debug: "panic 6:13: attempt to add with overflow", release: "value 4" },
  "signed division checks": { debug: "value 1000", release: "value 1000" },
  "division by zero": { debug: "panic 4:13: attempt to divide by zero", release: "panic 4:13: attempt to divide by zero" },
  "shift overflow": { debug: "panic 6:17: attempt to shift left with overflow", release: "value 17293822569102704703" },
  "negate MIN": { debug: "panic 6:14: attempt to negate with overflow", release: "value 18446744073709551480" },
  "bounds check": { debug: "panic 7:14: index out of bounds: the len is 3 but the index is 3", release: "panic 7:14: index out of bounds: the len is 3 but the index is 3" },
  "structs and methods": { debug: "value 35016", release: "value 35016" },
  "enums and match": { debug: "value 1020915", release: "value 1020915" },
  "match ranges and guards": { debug: "value 123456", release: "value 123456" },
  "tuples and destructuring": { debug: "value 1092", release: "value 1092" },
  "loops with labels and break values": { debug: "value 34015", release: "value 34015" },
  "inclusive range to MAX and rev": { debug: "value 151543210321", release: "value 151543210321" },
  "step_by and enumerate": { debug: "value 61218094", release: "value 61218094" },
  "strings: bytes, chars, len, slicing": { debug: "value 732077493", release: "value 732077493" },
  "byte strings and static slices": { debug: "value 68763", release: "value 68763" },
  "raw pointers": { debug: "value 4116", release: "value 4116" },
  "arrays copied, slices passed": { debug: "value 11400035", release: "value 11400035" },
  "large struct copies (memcpy)": { debug: "value 6312", release: "value 6312" },
  "integer methods of core": { debug: "panic 7:5: attempt to add with overflow", release: "value 130194221726743" },
  "shadowing, blocks as values, if let": { debug: "value 1103", release: "value 1103" },
  "explicit panic and assert": { debug: "panic 4:17: seven is not allowed", release: "panic 4:17: seven is not allowed" },
  "char arithmetic and casts": { debug: "value 1234422", release: "value 1234422" },
  "u128 and i128": { debug: "value 18434395096273434221", release: "value 18434395096273434221" },
  "multiply overflow in u64": { debug: "panic 2:49: attempt to multiply with overflow", release: "value 7034535277573963776" },
  "while let over a countdown and nested functions": { debug: "value 55012", release: "value 55012" },
  "function pointers": { debug: "value 130426", release: "value 130426" },
  "slice comparisons and let else": { debug: "value 111122", release: "value 111122" },
  "struct statics, consts and nested arrays": { debug: "value 23214", release: "value 23214" },
  "match bindings with @ and tuples of refs": { debug: "value 1152026404050", release: "value 1152026404050" },
  "iter_mut with enumerate, while with compound conditions": { debug: "value 9107", release: "value 9107" },
  "slice index out of range (runtime numbers)": { debug: "panic 10:11: range end index 7 out of range for slice of length 5", release: "panic 10:11: range end index 7 out of range for slice of length 5" },
  "struct literal fields evaluated in source order": { debug: "value 231", release: "value 231" },
};

const withoutColumn = (s: string) => s.replace(/^panic (\d+):\d+:/, 'panic $1:');
const agrees = (ours: string, rustc: string) => {
  const cut = ours.indexOf('{}');
  return cut < 0 ? withoutColumn(ours) === withoutColumn(rustc) : withoutColumn(rustc).startsWith(withoutColumn(ours).slice(0, cut - (ours.length - withoutColumn(ours).length)));
};

describe('source programs lowered and interpreted', () => {
  for (const p of PROGRAMS) {
    for (const build of ['debug', 'release'] as const) {
      it(`${p.name} (${build})`, () => {
        const ours = ourRun(p, build === 'release');
        const rustc = RUSTC[p.name]![build];
        expect(agrees(ours, rustc), `ours: ${ours}\nrustc: ${rustc}`).toBe(true);
      });
    }
  }
});
