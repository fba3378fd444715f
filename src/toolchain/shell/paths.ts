// Paths as the shell shows them: the project is the whole file system, its root is `/`.
import { normalizePath, VfsError } from '../vfs.ts';

/** A path typed in the shell, resolved against the current directory. Throws VfsError (EINVAL). */
export function resolvePath(cwd: string, path: string): string {
  if (path.startsWith('/')) return normalizePath(path);
  return normalizePath(cwd === '' ? path : `${cwd}/${path}`);
}

/** The directory as `pwd` prints it. */
export function displayDir(cwd: string): string {
  return `/${cwd}`;
}

/** The reason in coreutils' words, for messages like `cat: x: No such file or directory`. */
export function reason(e: unknown): string {
  if (e instanceof VfsError) {
    switch (e.code) {
      case 'ENOENT': return 'No such file or directory';
      case 'ENOTDIR': return 'Not a directory';
      case 'EISDIR': return 'Is a directory';
      case 'EEXIST': return 'File exists';
      case 'ENOTEMPTY': return 'Directory not empty';
      case 'EINVAL': return 'Invalid argument';
    }
  }
  return e instanceof Error ? e.message : String(e);
}
