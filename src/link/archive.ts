// Static archives (`ar` files, which .rlib files also are): the members and the archive's
// symbol index. The linker extracts a member only when it defines a symbol that is still
// undefined, as every Unix linker does, so linking against libcore takes only what is used.
import { isElf } from './elf/reader.ts';

export interface ArchiveMember {
  name: string;
  bytes: Uint8Array;
}

export interface Archive {
  name: string;
  members: ArchiveMember[];
  /** The archive's symbol index: symbol name and index into `members`, in index order. */
  index: { symbol: string; member: number }[];
}

const MAGIC = '!<arch>\n';

export function isArchive(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  for (let i = 0; i < 8; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) return false;
  return true;
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

export class ArchiveFormatError extends Error {
  override name = 'ArchiveFormatError';
}

export function readArchive(bytes: Uint8Array, name: string): Archive {
  if (!isArchive(bytes)) throw new ArchiveFormatError(`${name}: not an archive`);
  const members: ArchiveMember[] = [];
  const memberAtOffset = new Map<number, number>();
  let longNames: Uint8Array | undefined;
  let rawIndex: { data: Uint8Array; wide: boolean } | undefined;
  let off = 8;
  while (off + 60 <= bytes.length) {
    const rawName = ascii(bytes, off, off + 16).trimEnd();
    const size = Number(ascii(bytes, off + 48, off + 58).trim());
    if (!Number.isFinite(size) || off + 60 + size > bytes.length) throw new ArchiveFormatError(`${name}: truncated archive member at offset ${off}`);
    const data = bytes.subarray(off + 60, off + 60 + size);
    if (rawName === '/' || rawName === '/SYM64/') rawIndex = { data, wide: rawName === '/SYM64/' };
    else if (rawName === '//') longNames = data;
    else {
      let memberName = rawName;
      if (/^\/\d+$/.test(rawName) && longNames) {
        const start = Number(rawName.slice(1));
        let end = start;
        while (end < longNames.length && longNames[end] !== 0x0a) end++;
        memberName = ascii(longNames, start, end).replace(/\/$/, '');
      } else if (memberName.endsWith('/')) memberName = memberName.slice(0, -1);
      memberAtOffset.set(off, members.length);
      members.push({ name: memberName, bytes: data });
    }
    off += 60 + size + (size & 1);
  }
  const index: { symbol: string; member: number }[] = [];
  if (rawIndex) {
    const view = new DataView(rawIndex.data.buffer, rawIndex.data.byteOffset, rawIndex.data.byteLength);
    const word = rawIndex.wide ? 8 : 4;
    const read = (at: number) => (rawIndex!.wide ? Number(view.getBigUint64(at, false)) : view.getUint32(at, false));
    const count = read(0);
    let strings = word + count * word;
    for (let i = 0; i < count; i++) {
      const memberOffset = read(word + i * word);
      let end = strings;
      while (end < rawIndex.data.length && rawIndex.data[end] !== 0) end++;
      const symbol = new TextDecoder().decode(rawIndex.data.subarray(strings, end));
      strings = end + 1;
      const member = memberAtOffset.get(memberOffset);
      if (member !== undefined && isElf(members[member]!.bytes)) index.push({ symbol, member });
    }
  }
  return { name, members, index };
}
