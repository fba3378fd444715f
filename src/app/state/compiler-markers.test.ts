import { describe, expect, it } from 'vitest';
import { parseCrate, toJson } from '../../rustc/index.ts';
import { markersFromJson } from './compiler-markers.ts';

describe('markersFromJson', () => {
  it('places a rustc diagnostic at its primary span in its file, with its code and children', () => {
    const source = 'fn main() {\n    let x = ;\n}\n';
    const { diagnostics, sourceMap } = parseCrate(source, 'src/main.rs');
    const json = diagnostics.map((d) => toJson(d, sourceMap));
    const byPath = markersFromJson(json, (p) => (p === 'src/main.rs' ? source : undefined));
    expect(Object.keys(byPath)).toEqual(['src/main.rs']);
    const [m] = byPath['src/main.rs']!;
    expect(m!.severity).toBe('error');
    expect(m!.message).toBe('expected expression, found `;`');
    expect(source.slice(m!.start, m!.end)).toBe(';');
    expect(m!.source).toBe('rustc');
  });
  it('keeps the error code, skips diagnostics without a span or for files the project lacks', () => {
    const json = [
      { $message_type: 'diagnostic' as const, message: "can't find crate for `core`", code: { code: 'E0463', explanation: null }, level: 'error', spans: [], children: [], rendered: null },
      {
        $message_type: 'diagnostic' as const, message: 'unused variable: `x`', code: null, level: 'warning', rendered: null,
        spans: [{ file_name: 'src/lib.rs', byte_start: 0, byte_end: 1, line_start: 1, line_end: 1, column_start: 1, column_end: 2, is_primary: true, text: [], label: null, suggested_replacement: null, suggestion_applicability: null, expansion: null }],
        children: [{ $message_type: 'diagnostic' as const, message: 'if this is intentional, prefix it with an underscore', code: null, level: 'help', spans: [], children: [], rendered: null }],
      },
    ];
    expect(markersFromJson(json, () => undefined)).toEqual({});
    const byPath = markersFromJson(json, (p) => (p === 'src/lib.rs' ? 'x\n' : undefined));
    expect(byPath['src/lib.rs']).toEqual([{ severity: 'warning', message: 'unused variable: `x`', start: 0, end: 1, source: 'rustc', notes: ['help: if this is intentional, prefix it with an underscore'] }]);
  });
});
