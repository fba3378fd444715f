// Out-of-line modules (`mod vga_buffer;`): found, parsed and put in place in the tree, with the
// file rules of the 2018+ editions: a module declared in `src/main.rs`, `lib.rs` or a `mod.rs`
// lives in `<dir>/<name>.rs` or `<dir>/<name>/mod.rs`; one declared in `src/a.rs` looks in
// `src/a/`. `#[path = "…"]` names the file relative to the declaring file's directory.
import type { Item } from '../ast/ast.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { DiagnosticSink, error } from '../diagnostics/diagnostic.ts';
import type { Edition } from '../lexer/keywords.ts';
import { parseCrate } from './parse.ts';
import type { SourceMap } from '../span/source-map.ts';
import { stripCfg, type CfgEvaluator } from './cfg.ts';
import { attrName, attrStringValue } from './meta.ts';

export interface ModuleLoader {
  readonly files: ReadonlyMap<string, string>;
  readonly sourceMap: SourceMap;
  readonly edition: Edition;
  readonly cfg: CfgEvaluator;
  readonly sink: DiagnosticSink;
  /** Parse errors of loaded files (the driver stops on them as on the root's). */
  readonly parseErrors: Diagnostic[];
}

export function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** `dir/name` with `.` and `..` segments resolved (a `#[path = "../x.rs"]`). */
function inDir(dir: string, name: string): string {
  const joined = dir === '' ? name : `${dir}/${name}`;
  if (!joined.includes('.')) return joined;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** The directory where a file's child modules live. */
export function childDir(filePath: string, isRoot: boolean): string {
  const dir = dirName(filePath);
  const base = filePath.slice(dir.length === 0 ? 0 : dir.length + 1);
  if (isRoot || base === 'mod.rs') return dir;
  return inDir(dir, base.replace(/\.rs$/, ''));
}

/**
 * Loads every `mod name;` under `items` (already cfg-stripped), recursively. `dir` is where child
 * modules live; `fileDir` is the declaring file's own directory, which `#[path]` is relative to.
 */
export function loadModules(items: Item[], dir: string, loader: ModuleLoader, fileDir = dir): void {
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item.kind !== 'mod') continue;
    const name = item.ident.name;
    if (item.items) {
      loadModules(item.items, inDir(dir, name), loader, inDir(dir, name));
      continue;
    }
    const explicit = item.attrs.find((a) => attrName(a) === 'path');
    const explicitPath = explicit ? attrStringValue(explicit) : undefined;
    const candidates = explicitPath !== undefined ? [inDir(fileDir, explicitPath)] : [inDir(dir, `${name}.rs`), inDir(dir, `${name}/mod.rs`)];
    const found = candidates.filter((p) => loader.files.has(p));
    if (found.length === 0) {
      loader.sink.emit(explicitPath !== undefined
        ? error(`couldn't read \`${candidates[0]}\`: No such file or directory (os error 2)`).primary(item.span)
        : error(`file not found for module \`${name}\``, 'E0583').primary(item.span)
          .help(`to create the module \`${name}\`, create file "${candidates[0]}" or "${candidates[1]}"`)
          .note(`if there is a \`mod ${name}\` elsewhere in the crate already, import it with \`use crate::...\` instead`));
      item.items = [];
      continue;
    }
    if (found.length > 1) {
      loader.sink.emit(error(`file for module \`${name}\` found at both "${found[0]}" and "${found[1]}"`, 'E0761').primary(item.span)
        .help('delete or rename one of them to remove the ambiguity'));
      item.items = [];
      continue;
    }
    const path = found[0]!;
    const parsed = parseCrate(loader.files.get(path)!, path, { edition: loader.edition, sourceMap: loader.sourceMap });
    loader.parseErrors.push(...parsed.diagnostics.filter((d) => d.level === 'error'));
    loader.sink.diagnostics.push(...parsed.diagnostics.filter((d) => d.level !== 'error'));
    item.innerAttrs.push(...parsed.ast.attrs);
    if (!loader.cfg.keep(item.innerAttrs)) {
      items.splice(i--, 1);
      continue;
    }
    if (loader.files.get(path)!.includes('cfg')) stripCfg(parsed.ast.items, loader.cfg);
    item.items = parsed.ast.items;
    // A file named by #[path] owns its directory, as a mod.rs does.
    loadModules(item.items, explicitPath !== undefined ? dirName(path) : childDir(path, false), loader, dirName(path));
  }
}
