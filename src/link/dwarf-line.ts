// Source lines for messages: rust-lld says "referenced by mod.rs:547 (library/core/src/ptr/mod.rs:547)"
// when the object has DWARF line tables. This reads .debug_line (versions 2 to 5) of a
// relocatable object: set_address operands and string offsets are relocations there, so an
// address is a (section, offset) pair. The lookup follows LLVM's: the sequence covering the
// place, its last row at or before it, the row's file as include directory + name (no
// compilation directory).
import { SHN_ABS } from './elf/constants.ts';
import type { ObjectFile, ObjectSection, Relocation } from './object.ts';

interface Row {
  address: number;
  file: number;
  line: number;
}

interface Sequence {
  section: number;
  low: number;
  high: number;
  rows: Row[];
  fileName: (index: number) => string | undefined;
}

interface LineTables {
  sequences: Sequence[];
  /** File-name lookup of the line table starting at each offset of .debug_line. */
  fileNames: Map<number, (index: number) => string | undefined>;
}

const cache = new WeakMap<ObjectFile, LineTables>();

function tables(object: ObjectFile): LineTables {
  let t = cache.get(object);
  if (!t) {
    t = { sequences: [], fileNames: new Map() };
    try {
      readLineTables(object, t);
    } catch {
      // A damaged table gives no source lines; messages fall back to the STT_FILE name.
    }
    cache.set(object, t);
  }
  return t;
}

/** The path of file `index` in the line table at `offset` of .debug_line (DW_AT_decl_file). */
export function lineTableFileName(object: ObjectFile, offset: number, index: number): string | undefined {
  return tables(object).fileNames.get(offset)?.(index);
}

export interface SourceLine {
  path: string;
  line: number;
}

export function sourceLine(object: ObjectFile, sectionIndex: number, offset: number): SourceLine | undefined {
  for (const seq of tables(object).sequences) {
    if (seq.section !== sectionIndex || offset < seq.low || offset >= seq.high) continue;
    let row: Row | undefined;
    for (const r of seq.rows) {
      if (r.address > offset) break;
      row = r;
    }
    if (!row) continue;
    const path = seq.fileName(row.file);
    if (path === undefined) return undefined;
    return { path, line: row.line };
  }
  return undefined;
}

/** "mod.rs:547 (library/core/src/ptr/mod.rs:547)", or "u.c:2" when the path is the base name. */
export function fileLineMessage(s: SourceLine): string {
  const base = s.path.slice(s.path.lastIndexOf('/') + 1);
  return base === s.path ? `${base}:${s.line}` : `${base}:${s.line} (${s.path}:${s.line})`;
}

export class Cursor {
  pos: number;
  private readonly view: DataView;
  constructor(readonly data: Uint8Array, pos = 0) {
    this.pos = pos;
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }
  u8(): number {
    return this.view.getUint8(this.pos++);
  }
  i8(): number {
    return this.view.getInt8(this.pos++);
  }
  u16(): number {
    const v = this.view.getUint16(this.pos, true);
    this.pos += 2;
    return v;
  }
  u32(): number {
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }
  u64(): bigint {
    const v = this.view.getBigUint64(this.pos, true);
    this.pos += 8;
    return v;
  }
  uleb(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.u8();
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (!(b & 0x80)) return result;
    }
  }
  sleb(): number {
    let result = 0;
    let shift = 0;
    let b: number;
    do {
      b = this.u8();
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    if (b & 0x40) result -= 2 ** shift;
    return result;
  }
  cString(): string {
    let end = this.pos;
    while (end < this.data.length && this.data[end] !== 0) end++;
    const s = new TextDecoder().decode(this.data.subarray(this.pos, end));
    this.pos = end + 1;
    return s;
  }
}

function cStringAt(section: ObjectSection | undefined, offset: number): string {
  if (!section) return '';
  return new Cursor(section.data, offset).cString();
}

function readLineTables(object: ObjectFile, into: LineTables): void {
  const line = object.sections.find((s) => s.name === '.debug_line');
  if (!line) return;
  const lineStr = object.sections.find((s) => s.name === '.debug_line_str');
  const str = object.sections.find((s) => s.name === '.debug_str');
  const relocAt = new Map<number, Relocation>(line.relocations.map((r) => [r.offset, r]));
  /** A relocated field: the section its symbol is in and the resulting offset. */
  const relocated = (at: number, raw: bigint): { section: number; value: number } => {
    const rel = relocAt.get(at);
    if (!rel) return { section: SHN_ABS, value: Number(raw) };
    const sym = object.symbols[rel.symbol]!;
    return { section: sym.shndx, value: Number(sym.value + rel.addend) };
  };
  const stringOffset = (at: number, raw: number) => relocated(at, BigInt(raw)).value;

  const sequences = into.sequences;
  const c = new Cursor(line.data);
  while (c.pos + 4 <= line.data.length) {
    const unitStart = c.pos;
    const unitLength = c.u32();
    if (unitLength === 0xffffffff) break; // 64-bit DWARF: not produced for these targets
    const unitEnd = c.pos + unitLength;
    const version = c.u16();
    if (version < 2 || version > 5) {
      c.pos = unitEnd;
      continue;
    }
    if (version >= 5) c.pos += 2; // address_size, segment_selector_size
    const headerLength = c.u32();
    const programStart = c.pos + headerLength;
    const minInst = c.u8();
    if (version >= 4) c.u8(); // maximum_operations_per_instruction
    const defaultIsStmt = c.u8();
    void defaultIsStmt;
    const lineBase = c.i8();
    const lineRange = c.u8();
    const opcodeBase = c.u8();
    const standardLengths: number[] = [0];
    for (let i = 1; i < opcodeBase; i++) standardLengths.push(c.u8());

    const dirs: string[] = [];
    const files: { name: string; dir: number }[] = [];
    const readForm = (form: number): { text?: string; num?: number } => {
      switch (form) {
        case 0x08: return { text: c.cString() }; // string
        case 0x1f: { const at = c.pos; return { text: cStringAt(lineStr, stringOffset(at, c.u32())) }; } // line_strp
        case 0x0e: { const at = c.pos; return { text: cStringAt(str, stringOffset(at, c.u32())) }; } // strp
        case 0x0f: return { num: c.uleb() }; // udata
        case 0x0b: return { num: c.u8() };
        case 0x05: return { num: c.u16() };
        case 0x06: return { num: c.u32() };
        case 0x07: return { num: Number(c.u64()) };
        case 0x1e: c.pos += 16; return {}; // data16 (MD5)
        case 0x09: c.pos += c.uleb(); return {}; // block
        default: throw new Error(`unsupported DWARF form ${form}`);
      }
    };
    const readEntries = (): { path?: string; dir?: number }[] => {
      const formatCount = c.u8();
      const formats: [number, number][] = [];
      for (let i = 0; i < formatCount; i++) formats.push([c.uleb(), c.uleb()]);
      const count = c.uleb();
      const out: { path?: string; dir?: number }[] = [];
      for (let i = 0; i < count; i++) {
        const entry: { path?: string; dir?: number } = {};
        for (const [content, form] of formats) {
          const v = readForm(form);
          if (content === 1) entry.path = v.text ?? '';
          if (content === 2) entry.dir = v.num ?? 0;
        }
        out.push(entry);
      }
      return out;
    };
    if (version >= 5) {
      for (const d of readEntries()) dirs.push(d.path ?? '');
      for (const f of readEntries()) files.push({ name: f.path ?? '', dir: f.dir ?? 0 });
    } else {
      for (;;) {
        const d = c.cString();
        if (d === '') break;
        dirs.push(d);
      }
      for (;;) {
        const name = c.cString();
        if (name === '') break;
        const dir = c.uleb();
        c.uleb();
        c.uleb();
        files.push({ name, dir });
      }
    }
    const fileName = (index: number): string | undefined => {
      const entry = version >= 5 ? files[index] : index >= 1 ? files[index - 1] : undefined;
      if (!entry) return undefined;
      if (entry.name.startsWith('/')) return entry.name;
      let dir = '';
      if (version >= 5) dir = dirs[entry.dir] ?? '';
      else if (entry.dir > 0) dir = dirs[entry.dir - 1] ?? '';
      if (dir === '') return entry.name;
      return dir.endsWith('/') ? dir + entry.name : `${dir}/${entry.name}`;
    };
    into.fileNames.set(unitStart, fileName);

    c.pos = programStart;
    let address = 0;
    let section = SHN_ABS;
    let file = 1;
    let lineNo = 1;
    let rows: Row[] = [];
    const emit = () => rows.push({ address, file, line: lineNo });
    while (c.pos < unitEnd) {
      const op = c.u8();
      if (op >= opcodeBase) {
        const adjusted = op - opcodeBase;
        address += Math.floor(adjusted / lineRange) * minInst;
        lineNo += lineBase + (adjusted % lineRange);
        emit();
        continue;
      }
      switch (op) {
        case 0: {
          const len = c.uleb();
          const end = c.pos + len;
          const sub = c.u8();
          if (sub === 1) {
            sequences.push({ section, low: rows[0]?.address ?? address, high: address, rows, fileName });
            rows = [];
            address = 0;
            section = SHN_ABS;
            file = 1;
            lineNo = 1;
          } else if (sub === 2) {
            const at = c.pos;
            const target = relocated(at, len - 1 === 8 ? c.u64() : BigInt(c.u32()));
            section = target.section;
            address = target.value;
          }
          c.pos = end;
          break;
        }
        case 1:
          emit();
          break;
        case 2:
          address += c.uleb() * minInst;
          break;
        case 3:
          lineNo += c.sleb();
          break;
        case 4:
          file = c.uleb();
          break;
        case 8:
          address += Math.floor((255 - opcodeBase) / lineRange) * minInst;
          break;
        case 9:
          address += c.u16();
          break;
        default:
          for (let i = 0; i < (standardLengths[op] ?? 0); i++) c.uleb();
      }
    }
    c.pos = unitEnd;
  }
}
