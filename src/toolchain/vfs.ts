// The learner's project as a directory tree in memory: the same shape it would have on disk
// (`Cargo.toml`, `.cargo/config.toml`, `src/main.rs`, later `target/…`). Editors, terminal and
// toolchain share one instance and learn about each other's changes through `subscribe`.
//
// DOM-free: it runs in the page, in a Worker and in Node alike. Paths are relative to the
// project root and use `/`: `src/main.rs`. A leading `/` or `./` is accepted and ignored,
// `..` may not climb above the root.

export type FileData = string | Uint8Array;

export type VfsEvent =
  | { type: 'create'; path: string }
  | { type: 'change'; path: string }
  | { type: 'delete'; path: string }
  | { type: 'rename'; path: string; from: string }
  | { type: 'mkdir'; path: string }
  | { type: 'rmdir'; path: string }
  | { type: 'reset' };

export type VfsListener = (event: VfsEvent) => void;

export interface VfsStat {
  kind: 'file' | 'dir';
  /** bytes for binary files, UTF-16 code units for text (what the editor counts) */
  size: number;
  /** increases on every write of this path; lets caches tell versions apart */
  version: number;
}

/** An error with a POSIX-like code, so shells can phrase it the way their real tool does. */
export class VfsError extends Error {
  constructor(
    readonly code: 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'EINVAL',
    readonly path: string,
    message?: string,
  ) {
    super(message ?? `${code}: ${describe(code)}, '${path}'`);
    this.name = 'VfsError';
  }
}

function describe(code: VfsError['code']): string {
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EEXIST':
      return 'file already exists';
    case 'ENOTDIR':
      return 'not a directory';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTEMPTY':
      return 'directory not empty';
    case 'EINVAL':
      return 'invalid argument';
  }
}

interface FileNode {
  kind: 'file';
  data: FileData;
  version: number;
}
interface DirNode {
  kind: 'dir';
  children: Map<string, Node>;
}
type Node = FileNode | DirNode;

/**
 * Normalises a project path: `./src//main.rs` → `src/main.rs`, `/a/b/../c` → `a/c`.
 * The root is the empty string. Throws EINVAL for paths that climb above the root or hold
 * a NUL or backslash.
 */
export function normalizePath(path: string): string {
  if (path.includes('\0')) throw new VfsError('EINVAL', path, `invalid path '${path}'`);
  if (path.includes('\\')) throw new VfsError('EINVAL', path, `use '/' in paths: '${path}'`);
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length === 0) throw new VfsError('EINVAL', path, `path leaves the project: '${path}'`);
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

/** `src/main.rs` → `src`; a top-level name → `` (the root). */
export function dirname(path: string): string {
  const p = normalizePath(path);
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

/** `src/main.rs` → `main.rs`. */
export function basename(path: string): string {
  const p = normalizePath(path);
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Joins and normalises: join('src', '../Cargo.toml') → 'Cargo.toml'. */
export function joinPath(...parts: string[]): string {
  return normalizePath(parts.filter((p) => p !== '').join('/'));
}

/** Checks a file name a learner typed (for "New file" and "Rename"); returns a problem or null. */
export function checkNewPath(path: string): string | null {
  const trimmed = path.trim();
  if (trimmed === '') return 'The name is empty.';
  if (trimmed !== path) return 'A name may not start or end with a space.';
  if (path.endsWith('/')) return 'That is a folder name: add a file name after the last “/”.';
  let p: string;
  try {
    p = normalizePath(path);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  if (p === '') return 'The name is empty.';
  if (p.split('/').some((s) => s.length > 255)) return 'A part of that name is too long.';
  return null;
}

export class Vfs {
  private root: DirNode = { kind: 'dir', children: new Map() };
  private listeners = new Set<VfsListener>();
  private nextVersion = 1;

  /** Builds a file system holding these files (parents are created as needed). */
  static from(files: Record<string, FileData>): Vfs {
    const vfs = new Vfs();
    for (const [path, data] of Object.entries(files)) vfs.writeFile(path, data, { silent: true });
    return vfs;
  }

  /** Listens for changes; returns the function that stops listening. */
  subscribe(listener: VfsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: VfsEvent): void {
    for (const l of [...this.listeners]) l(event);
  }

  private lookup(path: string): Node | undefined {
    const p = normalizePath(path);
    if (p === '') return this.root;
    let node: Node = this.root;
    for (const part of p.split('/')) {
      if (node.kind !== 'dir') return undefined;
      const next = node.children.get(part);
      if (!next) return undefined;
      node = next;
    }
    return node;
  }

  /** The directory holding `path`, created (with its parents) when `create` is set. */
  private parentOf(path: string, create: boolean, silent = false): { dir: DirNode; name: string } {
    const p = normalizePath(path);
    if (p === '') throw new VfsError('EISDIR', '/', `'/' is the project folder`);
    const parts = p.split('/');
    const name = parts.pop()!;
    let dir = this.root;
    let walked = '';
    for (const part of parts) {
      walked = walked ? `${walked}/${part}` : part;
      let next = dir.children.get(part);
      if (!next) {
        if (!create) throw new VfsError('ENOENT', walked);
        next = { kind: 'dir', children: new Map() };
        dir.children.set(part, next);
        if (!silent) this.emit({ type: 'mkdir', path: walked });
      }
      if (next.kind !== 'dir') throw new VfsError('ENOTDIR', walked);
      dir = next;
    }
    return { dir, name };
  }

  exists(path: string): boolean {
    return this.lookup(path) !== undefined;
  }

  isFile(path: string): boolean {
    return this.lookup(path)?.kind === 'file';
  }

  isDir(path: string): boolean {
    return this.lookup(path)?.kind === 'dir';
  }

  stat(path: string): VfsStat {
    const node = this.lookup(path);
    if (!node) throw new VfsError('ENOENT', normalizePath(path));
    if (node.kind === 'dir') return { kind: 'dir', size: node.children.size, version: 0 };
    return { kind: 'file', size: node.data.length, version: node.version };
  }

  /** The file's contents as stored (text or bytes). */
  read(path: string): FileData {
    const node = this.lookup(path);
    if (!node) throw new VfsError('ENOENT', normalizePath(path));
    if (node.kind === 'dir') throw new VfsError('EISDIR', normalizePath(path));
    return node.data;
  }

  /** The file as text (bytes are decoded as UTF-8). */
  readText(path: string): string {
    const data = this.read(path);
    return typeof data === 'string' ? data : new TextDecoder().decode(data);
  }

  /** The file as bytes (text is encoded as UTF-8). */
  readBytes(path: string): Uint8Array {
    const data = this.read(path);
    return typeof data === 'string' ? new TextEncoder().encode(data) : data;
  }

  /** Text if the file exists and is a file, otherwise undefined. */
  tryReadText(path: string): string | undefined {
    return this.isFile(path) ? this.readText(path) : undefined;
  }

  /**
   * Writes a file, creating missing parent folders (like `mkdir -p` then a write).
   * Writing the same text again is not a change and emits nothing.
   */
  writeFile(path: string, data: FileData, options: { silent?: boolean } = {}): void {
    const p = normalizePath(path);
    const { dir, name } = this.parentOf(p, true, options.silent);
    const existing = dir.children.get(name);
    if (existing?.kind === 'dir') throw new VfsError('EISDIR', p);
    if (existing && sameData(existing.data, data)) return;
    const stored = typeof data === 'string' ? data : data.slice();
    if (existing) {
      existing.data = stored;
      existing.version = this.nextVersion++;
      if (!options.silent) this.emit({ type: 'change', path: p });
    } else {
      dir.children.set(name, { kind: 'file', data: stored, version: this.nextVersion++ });
      if (!options.silent) this.emit({ type: 'create', path: p });
    }
  }

  /** Creates a folder and its parents; an existing folder is fine. */
  mkdir(path: string): void {
    const p = normalizePath(path);
    if (p === '') return;
    const existing = this.lookup(p);
    if (existing?.kind === 'dir') return;
    if (existing) throw new VfsError('EEXIST', p);
    const { dir, name } = this.parentOf(p, true);
    dir.children.set(name, { kind: 'dir', children: new Map() });
    this.emit({ type: 'mkdir', path: p });
  }

  /** Removes a file, or a folder (which must be empty unless `recursive`). */
  remove(path: string, options: { recursive?: boolean } = {}): void {
    const p = normalizePath(path);
    const node = this.lookup(p);
    if (!node) throw new VfsError('ENOENT', p);
    if (p === '') throw new VfsError('EINVAL', '/', 'refusing to remove the project folder');
    const { dir, name } = this.parentOf(p, false);
    if (node.kind === 'dir') {
      if (node.children.size > 0 && !options.recursive) throw new VfsError('ENOTEMPTY', p);
      const inside = this.listFiles(p);
      dir.children.delete(name);
      for (const f of inside) this.emit({ type: 'delete', path: f });
      this.emit({ type: 'rmdir', path: p });
    } else {
      dir.children.delete(name);
      this.emit({ type: 'delete', path: p });
    }
  }

  /**
   * Moves a file or folder. The destination must not exist; its parents are created.
   * Emits one `rename` event per file moved.
   */
  rename(from: string, to: string): void {
    const src = normalizePath(from);
    const dst = normalizePath(to);
    const node = this.lookup(src);
    if (!node || src === '') throw new VfsError('ENOENT', src);
    if (src === dst) return;
    if (this.exists(dst)) throw new VfsError('EEXIST', dst);
    if (dst.startsWith(src + '/')) throw new VfsError('EINVAL', dst, `cannot move '${src}' into itself`);
    const filesBefore = node.kind === 'dir' ? this.listFiles(src) : [src];
    const { dir: toDir, name: toName } = this.parentOf(dst, true);
    const { dir: fromDir, name: fromName } = this.parentOf(src, false);
    fromDir.children.delete(fromName);
    toDir.children.set(toName, node);
    for (const f of filesBefore) {
      const moved = dst + f.slice(src.length);
      this.emit({ type: 'rename', path: moved, from: f });
    }
  }

  /** Names in a folder, folders first, each group sorted. */
  readdir(path = ''): { name: string; kind: 'file' | 'dir' }[] {
    const node = this.lookup(path);
    if (!node) throw new VfsError('ENOENT', normalizePath(path));
    if (node.kind !== 'dir') throw new VfsError('ENOTDIR', normalizePath(path));
    return [...node.children.entries()]
      .map(([name, n]) => ({ name, kind: n.kind }))
      .sort((a, b) => (a.kind === b.kind ? compareNames(a.name, b.name) : a.kind === 'dir' ? -1 : 1));
  }

  /** Every file path under `path` (the whole project by default), sorted as a file tree lists them. */
  listFiles(path = ''): string[] {
    const start = normalizePath(path);
    const node = this.lookup(start);
    if (!node) return [];
    if (node.kind === 'file') return [start];
    const out: string[] = [];
    const walk = (dir: DirNode, prefix: string) => {
      const entries = [...dir.children.entries()].sort(([a, na], [b, nb]) =>
        na.kind === nb.kind ? compareNames(a, b) : na.kind === 'dir' ? -1 : 1,
      );
      for (const [name, child] of entries) {
        const p = prefix ? `${prefix}/${name}` : name;
        if (child.kind === 'dir') walk(child, p);
        else out.push(p);
      }
    };
    walk(node, start);
    return out;
  }

  /** Every empty folder (files imply their folders; these would otherwise be lost in a snapshot). */
  listEmptyDirs(): string[] {
    const out: string[] = [];
    const walk = (dir: DirNode, prefix: string) => {
      for (const [name, child] of dir.children) {
        if (child.kind !== 'dir') continue;
        const p = prefix ? `${prefix}/${name}` : name;
        if (child.children.size === 0) out.push(p);
        else walk(child, p);
      }
    };
    walk(this.root, '');
    return out.sort(compareNames);
  }

  /** A plain copy of every file: path → contents. */
  toJSON(): Record<string, FileData> {
    const out: Record<string, FileData> = {};
    for (const p of this.listFiles()) out[p] = this.read(p);
    return out;
  }

  /** Replaces everything with these files; emits a single `reset`. */
  replaceAll(files: Record<string, FileData>, emptyDirs: readonly string[] = []): void {
    this.root = { kind: 'dir', children: new Map() };
    for (const [path, data] of Object.entries(files)) this.writeFile(path, data, { silent: true });
    for (const d of emptyDirs) {
      const p = normalizePath(d);
      if (p && !this.exists(p)) {
        const { dir, name } = this.parentOf(p, true, true);
        dir.children.set(name, { kind: 'dir', children: new Map() });
      }
    }
    this.emit({ type: 'reset' });
  }
}

function sameData(a: FileData, b: FileData): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Dot-files after the others would surprise nobody, but on disk `ls` sorts byte-wise: so do we. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
