// Where a global variable is declared, from .debug_info: rust-lld falls back to it when a
// reference or definition has no line-table row (data, not code), e.g.
// "duplicate symbol: x / >>> defined at u.c:5 (/tmp/u.c:5)". Only external DW_TAG_variable
// entries with a declaration file and line count, keyed by linkage name (else name), first
// one wins — as lld's DWARF cache does. Offsets into other debug sections are relocations in
// an object file, so they are read through the section's relocations.
import { Cursor, lineTableFileName, type SourceLine } from './dwarf-line.ts';
import { SHN_ABS } from './elf/constants.ts';
import type { ObjectFile, ObjectSection, Relocation } from './object.ts';

const DW_TAG_variable = 0x34;
const DW_AT_name = 0x03;
const DW_AT_stmt_list = 0x10;
const DW_AT_decl_file = 0x3a;
const DW_AT_decl_line = 0x3b;
const DW_AT_external = 0x3f;
const DW_AT_linkage_name = 0x6e;
const DW_AT_MIPS_linkage_name = 0x2007;
const DW_AT_str_offsets_base = 0x72;

interface Abbrev {
  tag: number;
  children: boolean;
  attrs: { at: number; form: number; implicit?: number }[];
}

type Value = { num?: number; text?: string; strx?: number };

const cache = new WeakMap<ObjectFile, Map<string, SourceLine>>();

export function variableLocation(object: ObjectFile, name: string): SourceLine | undefined {
  let map = cache.get(object);
  if (!map) {
    map = new Map();
    try {
      readVariables(object, map);
    } catch {
      // Damaged debug info: no declaration lines.
    }
    cache.set(object, map);
  }
  return map.get(name);
}

function section(object: ObjectFile, name: string): ObjectSection | undefined {
  return object.sections.find((s) => s.name === name);
}

/** Reads a 4-byte offset field at `at` of `sec`, applying its relocation if it has one. */
function relocatedOffset(object: ObjectFile, relocs: Map<number, Relocation>, data: DataView, at: number): number {
  const rel = relocs.get(at);
  if (!rel) return data.getUint32(at, true);
  const sym = object.symbols[rel.symbol]!;
  return Number((sym.shndx === SHN_ABS ? sym.value : sym.value) + rel.addend);
}

function cString(sec: ObjectSection | undefined, offset: number): string | undefined {
  if (!sec || offset >= sec.data.length) return undefined;
  return new Cursor(sec.data, offset).cString();
}

function readAbbrevs(data: Uint8Array, offset: number): Map<number, Abbrev> {
  const c = new Cursor(data, offset);
  const table = new Map<number, Abbrev>();
  for (;;) {
    const code = c.uleb();
    if (code === 0) return table;
    const tag = c.uleb();
    const children = c.u8() !== 0;
    const attrs: Abbrev['attrs'] = [];
    for (;;) {
      const at = c.uleb();
      const form = c.uleb();
      if (at === 0 && form === 0) break;
      attrs.push(form === 0x21 ? { at, form, implicit: c.sleb() } : { at, form });
    }
    table.set(code, { tag, children, attrs });
  }
}

function readVariables(object: ObjectFile, into: Map<string, SourceLine>): void {
  const info = section(object, '.debug_info');
  const abbrevSec = section(object, '.debug_abbrev');
  if (!info || !abbrevSec) return;
  const str = section(object, '.debug_str');
  const lineStr = section(object, '.debug_line_str');
  const strOffsets = section(object, '.debug_str_offsets');
  const infoRelocs = new Map(info.relocations.map((r) => [r.offset, r]));
  const strOffsetsRelocs = new Map((strOffsets?.relocations ?? []).map((r) => [r.offset, r]));
  const view = new DataView(info.data.buffer, info.data.byteOffset, info.data.byteLength);
  const strOffsetsView = strOffsets ? new DataView(strOffsets.data.buffer, strOffsets.data.byteOffset, strOffsets.data.byteLength) : undefined;
  const c = new Cursor(info.data);

  while (c.pos + 4 <= info.data.length) {
    const unitLength = c.u32();
    if (unitLength === 0xffffffff) return;
    const unitEnd = c.pos + unitLength;
    const version = c.u16();
    let addressSize: number;
    let abbrevOffset: number;
    let unitType = 1;
    if (version >= 5) {
      unitType = c.u8();
      addressSize = c.u8();
      abbrevOffset = relocatedOffset(object, infoRelocs, view, c.pos);
      c.pos += 4;
      if (unitType === 2 || unitType === 6) c.pos += 12; // type units: signature, type offset
      else if (unitType === 4 || unitType === 5) c.pos += 8; // skeleton/split: DWO id
    } else {
      abbrevOffset = relocatedOffset(object, infoRelocs, view, c.pos);
      c.pos += 4;
      addressSize = c.u8();
    }
    if (unitType !== 1 && unitType !== 3) {
      c.pos = unitEnd;
      continue;
    }
    const abbrevs = readAbbrevs(abbrevSec.data, abbrevOffset);
    let stmtList: number | undefined;
    let strOffsetsBase = 8;

    const readValue = (form: number, implicit?: number): Value => {
      switch (form) {
        case 0x01: c.pos += addressSize; return {};
        case 0x0b: case 0x11: return { num: c.u8() };
        case 0x05: case 0x12: return { num: c.u16() };
        case 0x06: case 0x13: return { num: c.u32() };
        case 0x07: case 0x14: case 0x20: return { num: Number(c.u64()) };
        case 0x0c: return { num: c.u8() };
        case 0x0d: return { num: c.sleb() };
        case 0x0f: case 0x15: return { num: c.uleb() };
        case 0x19: return { num: 1 }; // flag_present
        case 0x21: return { num: implicit ?? 0 };
        case 0x08: return { text: c.cString() };
        case 0x0e: { const at = c.pos; c.pos += 4; return { text: cString(str, relocatedOffset(object, infoRelocs, view, at)) ?? '' }; }
        case 0x1f: { const at = c.pos; c.pos += 4; return { text: cString(lineStr, relocatedOffset(object, infoRelocs, view, at)) ?? '' }; }
        case 0x17: { const at = c.pos; c.pos += 4; return { num: relocatedOffset(object, infoRelocs, view, at) }; } // sec_offset
        case 0x10: c.pos += version <= 2 ? addressSize : 4; return {};
        case 0x1c: case 0x1d: c.pos += 4; return {};
        case 0x24: c.pos += 8; return {};
        case 0x1e: c.pos += 16; return {};
        case 0x0a: c.pos += c.u8(); return {};
        case 0x03: c.pos += c.u16(); return {};
        case 0x04: c.pos += c.u32(); return {};
        case 0x09: case 0x18: c.pos += c.uleb(); return {};
        case 0x1a: return { strx: c.uleb() };
        case 0x25: return { strx: c.u8() };
        case 0x26: return { strx: c.u16() };
        case 0x27: { const v = c.u8() | (c.u8() << 8) | (c.u8() << 16); return { strx: v }; }
        case 0x28: return { strx: c.u32() };
        case 0x1b: case 0x22: case 0x23: c.uleb(); return {};
        case 0x29: c.pos += 1; return {};
        case 0x2a: c.pos += 2; return {};
        case 0x2b: c.pos += 3; return {};
        case 0x2c: c.pos += 4; return {};
        case 0x16: return readValue(c.uleb());
        default: throw new Error(`unsupported DWARF form 0x${form.toString(16)}`);
      }
    };
    const text = (v: Value | undefined): string | undefined => {
      if (!v) return undefined;
      if (v.text !== undefined) return v.text;
      if (v.strx !== undefined && strOffsets && strOffsetsView) {
        const at = strOffsetsBase + v.strx * 4;
        return cString(str, relocatedOffset(object, strOffsetsRelocs, strOffsetsView, at));
      }
      return undefined;
    };

    let first = true;
    while (c.pos < unitEnd) {
      const code = c.uleb();
      if (code === 0) continue;
      const abbrev = abbrevs.get(code);
      if (!abbrev) break;
      const values = new Map<number, Value>();
      for (const a of abbrev.attrs) values.set(a.at, readValue(a.form, a.implicit));
      if (first) {
        first = false;
        stmtList = values.get(DW_AT_stmt_list)?.num;
        strOffsetsBase = values.get(DW_AT_str_offsets_base)?.num ?? strOffsetsBase;
        continue;
      }
      if (abbrev.tag !== DW_TAG_variable || !values.get(DW_AT_external)?.num || stmtList === undefined) continue;
      const file = values.get(DW_AT_decl_file)?.num ?? 0;
      const line = values.get(DW_AT_decl_line)?.num ?? 0;
      const path = lineTableFileName(object, stmtList, file);
      if (path === undefined) continue;
      const name = text(values.get(DW_AT_linkage_name)) ?? text(values.get(DW_AT_MIPS_linkage_name)) ?? text(values.get(DW_AT_name)) ?? '';
      if (name !== '' && !into.has(name)) into.set(name, { path, line });
    }
    c.pos = unitEnd;
  }
}
