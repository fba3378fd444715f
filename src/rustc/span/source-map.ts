// All files of one compilation, each owning a disjoint range of global positions (with a gap of
// one between files so an end-of-file position never belongs to the next file).
import { SourceFile } from './source-file.ts';
import type { Span } from './span.ts';

export class SourceMap {
  readonly files: SourceFile[] = [];
  private next = 0;

  addFile(name: string, text: string): SourceFile {
    const file = new SourceFile(name, text, this.next);
    this.files.push(file);
    this.next = file.end + 1;
    return file;
  }

  fileAt(pos: number): SourceFile {
    for (const f of this.files) if (f.contains(pos)) return f;
    throw new Error(`position ${pos} is in no file`);
  }

  snippet(s: Span): string {
    return this.fileAt(s.lo).slice(s.lo, s.hi);
  }
}
