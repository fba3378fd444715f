// The linker's pipeline: read inputs, resolve symbols, collect garbage, scan relocations, lay
// out, fill and relocate, write the executable. Each stage lives in its own file.
import { addComment, commentSection } from './comment.ts';
import { fillSections } from './contents.ts';
import { Diagnostics, formatMessages, type LinkMessage } from './diagnostics.ts';
import { buildEhFrame, splitEhFrame, type EhFrameLayout, type EhRecord } from './eh-frame.ts';
import { alignUp } from './elf/bytes.ts';
import {
  SHF_ALLOC, SHF_STRINGS, SHF_WRITE, SHN_ABS, SHT_NOBITS, SHT_NOTE, STB_GLOBAL, STT_NOTYPE, SHT_PROGBITS, SHT_STRTAB, SHT_SYMTAB, SYMBOL_SIZE,
} from './elf/constants.ts';
import { readElfObject } from './elf/reader.ts';
import { writeElfExecutable, buildShstrtab, type ElfSectionHeader } from './elf/writer.ts';
import { markLive } from './gc.ts';
import { isArchive, readArchive } from './archive.ts';
import { assignAddresses, gatherInputSections, type ProgramHeader } from './layout.ts';
import { splitPieces } from './merge.ts';
import type { ObjectFile } from './object.ts';
import { claimReservedSymbols, claimStartStopSymbols, defineReservedSymbols } from './reserved.ts';
import { Resolver, type LinkInput } from './resolve.ts';
import { scanRelocations } from './scan.ts';
import { buildSymbols, encodeSymbols, type OutputSymbol } from './symtab.ts';
import { globalAddress } from './addresses.ts';
import { gnuPropertyNote } from './gnu-property.ts';
import { fileLabel } from './location.ts';
import type { InputSection, OutputSection } from './types.ts';

export interface LinkOptions {
  /** Entry symbol (-e); default _start. */
  entry?: string;
  /** --gc-sections: drop sections unreachable from the entry and the kept roots. */
  gcSections?: boolean;
  /**
   * Address of the first loaded byte; 0x200000 like rust-lld for a static x86-64 executable.
   * Any page-aligned 64-bit address (a bigint for higher-half kernels, 0xffffffff80000000).
   */
  imageBase?: number | bigint;
  /** --eh-frame-hdr: a .eh_frame_hdr search table and PT_GNU_EH_FRAME (rustc passes it). */
  ehFrameHdr?: boolean;
  /** -z relro (default true) / -z norelro. */
  relro?: boolean;
  /** -z now: .got.plt joins the RELRO part. */
  now?: boolean;
  /** --defsym NAME=ADDRESS: absolute symbols (defined after the inputs, for names they lack). */
  absoluteSymbols?: ReadonlyMap<string, bigint>;
}

export interface LinkedSection {
  name: string;
  type: number;
  flags: number;
  addr: bigint;
  offset: number;
  size: number;
  align: number;
}

export interface LinkResult {
  ok: boolean;
  /** The executable (only when ok). */
  bytes?: Uint8Array;
  entry?: bigint;
  messages: LinkMessage[];
  /** What rust-lld would print on stderr for these messages. */
  stderr: string;
  programHeaders?: ProgramHeader[];
  sections?: LinkedSection[];
  symbols?: OutputSymbol[];
}

export const DEFAULT_IMAGE_BASE = 0x200000;

export interface InputBytes {
  name: string;
  bytes: Uint8Array;
}

/** Links files given as bytes: ELF relocatable objects and static archives (.a, .rlib). */
export function linkFiles(inputs: readonly InputBytes[], options: LinkOptions = {}): LinkResult {
  const diag = new Diagnostics();
  const parsed: LinkInput[] = [];
  for (const input of inputs) {
    try {
      if (isArchive(input.bytes)) parsed.push({ kind: 'archive', archive: readArchive(input.bytes, input.name) });
      else parsed.push({ kind: 'object', object: readElfObject(input.bytes, input.name) });
    } catch (e) {
      diag.error(e instanceof Error ? e.message : String(e));
    }
  }
  if (diag.errorCount > 0) return failed(diag);
  return linkInputs(parsed, options, diag);
}

function failed(diag: Diagnostics): LinkResult {
  return { ok: false, messages: diag.messages, stderr: formatMessages(diag.messages) };
}

/** Links objects in the in-memory object model into a static x86-64 ELF executable. */
export function link(objects: readonly ObjectFile[], options: LinkOptions = {}): LinkResult {
  return linkInputs(objects.map((object) => ({ kind: 'object', object })), options, new Diagnostics());
}

export function linkInputs(inputs: readonly LinkInput[], options: LinkOptions, diag: Diagnostics): LinkResult {
  try {
    return runPipeline(inputs, options, diag);
  } catch (e) {
    // Inputs the reader accepted but later stages cannot make sense of (corrupt objects): an
    // error message, never an exception out of the linker.
    diag.error(`cannot link these inputs: ${e instanceof Error ? e.message : String(e)}`);
    return failed(diag);
  }
}

function runPipeline(inputs: readonly LinkInput[], options: LinkOptions, diag: Diagnostics): LinkResult {
  const entryName = options.entry ?? '_start';
  const imageBase = BigInt(options.imageBase ?? DEFAULT_IMAGE_BASE);
  if (imageBase < 0n || imageBase >= 1n << 64n || imageBase % 0x1000n !== 0n) {
    diag.error(`image base 0x${BigInt.asUintN(64, imageBase).toString(16)} is not supported: it must be a page-aligned 64-bit address`);
    return failed(diag);
  }
  const resolver = new Resolver(diag);
  for (const input of inputs) resolver.add(input);
  if (options.absoluteSymbols && options.absoluteSymbols.size > 0) {
    resolver.add({ kind: 'object', object: absoluteSymbolsObject(options.absoluteSymbols) });
  }
  // The entry symbol counts as a reference: an archive member defining it is taken.
  resolver.require(entryName);
  if (diag.errorCount > 0) return failed(diag);
  const files = resolver.files;
  const symbols = resolver.table;

  const ehRecords = new Map<InputSection, EhRecord[]>();
  for (const file of files) {
    for (const input of file.sections) {
      if (!input) continue;
      if (input.kind === 'merge') {
        input.pieces = splitPieces(input);
        const { data, entsize, flags } = input.section;
        if (flags & SHF_STRINGS && data.length > 0 && data.subarray(data.length - entsize).some((b) => b !== 0)) {
          diag.error(`${fileLabel(input.file)}:(${input.section.name}): string is not null terminated`);
        }
      }
      if (input.kind === 'eh_frame') ehRecords.set(input, splitEhFrame(input, diag));
    }
  }
  if (diag.errorCount > 0) return failed(diag);
  const commons: InputSection[] = [];
  for (const g of symbols.all()) {
    if (g.definition || !g.common) continue;
    const c = g.common;
    const input: InputSection = {
      file: c.file,
      index: -1,
      section: { name: 'COMMON', type: SHT_NOBITS, flags: SHF_ALLOC | SHF_WRITE, addralign: c.align, entsize: 0, data: new Uint8Array(0), size: c.size, relocations: [], link: 0, info: 0 },
      kind: 'regular',
      outputName: '.bss',
      live: false,
      outputOffset: 0,
    };
    c.section = input;
    commons.push(input);
  }
  claimReservedSymbols(symbols);
  markLive(files, symbols, entryName, options.gcSections ?? false, ehRecords);
  // __start_NAME/__stop_NAME exist when a section called NAME survived collection.
  claimStartStopSymbols(symbols, new Set(files.flatMap((f) => f.sections.flatMap((s) => (s?.live ? [s.section.name] : [])))));
  if (!options.gcSections) for (const c of commons) c.live = true;

  const entrySymbol = symbols.get(entryName);
  const entryDefined = !!(entrySymbol?.definition || entrySymbol?.linkerDefined);
  // As in lld, -e may also be an address (-e 0x201000).
  const entryNumber = /^(0x[0-9a-f]+|\d+)$/i.test(entryName) ? BigInt(entryName) : undefined;
  if (!entryDefined && entryNumber === undefined) diag.warn(`cannot find entry symbol ${entryName}; not setting start address`);

  const scan = scanRelocations(files, symbols, ehRecords, diag);
  if (diag.errorCount > 0) return failed(diag);

  const outputs = gatherInputSections(files, commons);
  const features = files.reduce((bits, f) => bits & f.x86Features, files.length > 0 ? 0xffffffff : 0);
  if (features !== 0) {
    const note = outputs.create('.note.gnu.property', SHT_NOTE, SHF_ALLOC, true);
    outputs.add(note, { kind: 'bytes', data: gnuPropertyNote(features) }, 8, 32);
  }
  let ehFrame: EhFrameLayout | undefined;
  const ehInputs = [...ehRecords.keys()];
  if (ehInputs.length > 0) {
    ehFrame = buildEhFrame(ehInputs, ehRecords);
    if (ehFrame.data.length > 0) {
      if (options.ehFrameHdr) {
        // Created before .eh_frame so that it sorts before it, as in lld.
        const hdr = outputs.create('.eh_frame_hdr', SHT_PROGBITS, SHF_ALLOC, true);
        const fdes = ehFrame.placements.filter((p) => !p.record.isCie).length;
        outputs.add(hdr, { kind: 'eh_frame_hdr' }, 4, 12 + 8 * fdes);
      }
      const out = outputs.create('.eh_frame', SHT_PROGBITS, SHF_ALLOC, true);
      const align = Math.max(...ehInputs.map((i) => i.section.addralign));
      outputs.add(out, { kind: 'eh_frame', data: ehFrame.data }, align, ehFrame.data.length);
    }
  }
  if (scan.usesGot) {
    const got = outputs.create('.got', SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, true);
    const count = scan.gotEntries.length + scan.localGot.size;
    outputs.add(got, { kind: 'got', entries: scan.gotEntries }, 8, count * 8);
  }
  if (symbols.get('_GLOBAL_OFFSET_TABLE_')?.linkerDefined || scan.usesGotBase) {
    // Naming _GLOBAL_OFFSET_TABLE_ (GNU as does so in any object with GOT relocations) makes
    // rust-lld emit .got.plt; in a static link it holds only its three reserved words.
    const gotPlt = outputs.create('.got.plt', SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, true);
    outputs.add(gotPlt, { kind: 'bytes', data: new Uint8Array(24) }, 8, 24);
  }

  // Layout computes addresses relative to the image base, which is therefore required to be
  // aligned for every section (0x200000 and 0xffffffff80000000 are, for up to 2 MiB).
  const maxAlign = Math.max(0x1000, ...outputs.list.filter((o) => o.flags & SHF_ALLOC).map((o) => o.align));
  if (imageBase % BigInt(maxAlign) !== 0n) {
    diag.error(`image base 0x${imageBase.toString(16)} is not aligned to 0x${maxAlign.toString(16)}, the largest section alignment`);
    return failed(diag);
  }
  const layout = assignAddresses(outputs, { imageBase, relro: options.relro ?? true, now: options.now ?? false });
  defineReservedSymbols(symbols, layout.sections, imageBase);
  const contents = fillSections(layout.sections, scan, ehFrame, diag);
  if (diag.errorCount > 0) return failed(diag);

  // Section header table: null, loaded sections in address order, then the rest.
  const alloc = layout.sections.filter((s) => s.flags & SHF_ALLOC);
  alloc.forEach((s, i) => (s.headerIndex = i + 1));
  const outputSymbols = buildSymbols(files, symbols);
  const { symtab, strtab, firstGlobal } = encodeSymbols(outputSymbols);
  const comment = commentSection(files);

  const headers: ElfSectionHeader[] = [{ name: '', type: 0, flags: 0, addr: 0, offset: 0, size: 0, link: 0, info: 0, addralign: 0, entsize: 0 }];
  for (const s of alloc) {
    headers.push({
      name: s.name, type: s.type, flags: s.flags, addr: s.base + BigInt(s.addr), offset: s.fileOffset, size: s.size,
      link: 0, info: 0, addralign: s.align, entsize: s.entsize, data: contents.get(s),
    });
  }
  let off = layout.fileEnd;
  const addNonAlloc = (name: string, type: number, flags: number, data: Uint8Array, align: number, entsize: number, link = 0, info = 0) => {
    off = alignUp(off, align);
    headers.push({ name, type, flags, addr: 0, offset: off, size: data.length, link, info, addralign: align, entsize, data });
    off += data.length;
    return headers.length - 1;
  };
  addComment(addNonAlloc, comment);
  const symtabIndex = headers.length;
  const strtabIndex = symtabIndex + 2;
  addNonAlloc('.symtab', SHT_SYMTAB, 0, symtab, 8, SYMBOL_SIZE, strtabIndex, firstGlobal);
  const shstrtabIndex = headers.length;
  const names = [...headers.map((h) => h.name), '.shstrtab', '.strtab'];
  const shstrtab = buildShstrtab(names).data;
  addNonAlloc('.shstrtab', SHT_STRTAB, 0, shstrtab, 1, 0);
  addNonAlloc('.strtab', SHT_STRTAB, 0, strtab, 1, 0);

  const entry = entryDefined ? globalAddress(entrySymbol!) : (entryNumber ?? 0n);
  // Like lld, the output takes the OS ABI byte of the first input.
  const osabi = files[0]?.object.osabi ?? 0;
  const bytes = writeElfExecutable({ entry, osabi, programHeaders: layout.programHeaders, sections: headers, shstrndx: shstrtabIndex });
  return {
    ok: true,
    bytes,
    entry,
    messages: diag.messages,
    stderr: formatMessages(diag.messages),
    programHeaders: layout.programHeaders,
    sections: alloc.map((s: OutputSection) => ({ name: s.name, type: s.type, flags: s.flags, addr: s.base + BigInt(s.addr), offset: s.fileOffset, size: s.size, align: s.align })),
    symbols: outputSymbols,
  };
}

/** An object holding only absolute global symbols (what --defsym NAME=ADDRESS defines). */
function absoluteSymbolsObject(symbols: ReadonlyMap<string, bigint>): ObjectFile {
  return {
    name: '<internal>',
    sections: [{ name: '', type: 0, flags: 0, addralign: 0, entsize: 0, data: new Uint8Array(0), size: 0, relocations: [], link: 0, info: 0 }],
    symbols: [
      { name: '', value: 0n, size: 0n, type: 0, binding: 0, visibility: 0, shndx: 0 },
      ...[...symbols].map(([name, value]) => ({ name, value, size: 0n, type: STT_NOTYPE, binding: STB_GLOBAL, visibility: 0, shndx: SHN_ABS })),
    ],
  };
}
