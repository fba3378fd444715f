// ls, cat, cd, pwd, rm, echo: the file commands, with coreutils' messages.
import type { Command } from './types.ts';
import { displayDir, reason, resolvePath } from './paths.ts';

function splitOptions(argv: string[], known: string): { flags: Set<string>; operands: string[]; bad?: string } {
  const flags = new Set<string>();
  const operands: string[] = [];
  let options = true;
  for (const a of argv.slice(1)) {
    if (options && a === '--') options = false;
    else if (options && a.startsWith('-') && a.length > 1) {
      for (const f of a.slice(1)) {
        if (!known.includes(f)) return { flags, operands, bad: f };
        flags.add(f);
      }
    } else operands.push(a);
  }
  return { flags, operands };
}

/**
 * Names in columns that fit `width`, filled top to bottom then left to right, as ls does on a
 * terminal: the most columns that fit, each as wide as its longest name, two spaces apart.
 */
export function layoutColumns(names: string[], width: number): string {
  if (names.length === 0) return '';
  for (let cols = names.length; cols > 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    const widths: number[] = [];
    for (let c = 0; c * rows < names.length; c++) widths.push(Math.max(...names.slice(c * rows, c * rows + rows).map((n) => n.length)));
    if (widths.reduce((a, w) => a + w, 0) + 2 * (widths.length - 1) > width) continue;
    const lines: string[] = [];
    for (let r = 0; r < rows; r++) {
      let line = '';
      for (let c = 0; c < widths.length; c++) {
        const name = names[c * rows + r];
        if (name === undefined) continue;
        const last = c === widths.length - 1 || (c + 1) * rows + r >= names.length;
        line += last ? name : name.padEnd(widths[c]! + 2);
      }
      lines.push(line);
    }
    return lines.join('\n');
  }
  return names.join('\n');
}

export const ls: Command = (argv, ctx) => {
  const { flags, operands, bad } = splitOptions(argv, 'a1lA');
  if (bad) {
    ctx.terminal.print(`ls: invalid option -- '${bad}'`, 'error');
    return 2;
  }
  const all = flags.has('a') || flags.has('A');
  const long = flags.has('l');
  let status = 0;
  const targets = operands.length ? operands : ['.'];
  const listings: string[] = [];
  for (const t of targets) {
    let p: string;
    try {
      p = resolvePath(ctx.cwd, t);
    } catch (e) {
      ctx.terminal.print(`ls: cannot access '${t}': ${reason(e)}`, 'error');
      status = 2;
      continue;
    }
    if (!ctx.vfs.exists(p)) {
      ctx.terminal.print(`ls: cannot access '${t}': No such file or directory`, 'error');
      status = 2;
      continue;
    }
    const entries = ctx.vfs.isFile(p)
      ? [{ name: t, kind: 'file' as const, path: p }]
      : ctx.vfs.readdir(p).filter((e) => all || !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : 1)).map((e) => ({ ...e, path: p ? `${p}/${e.name}` : e.name }));
    const names = entries.map((e) => {
      if (!long) return e.name;
      const size = e.kind === 'file' ? ctx.vfs.stat(e.path).size : 0;
      return `${e.kind === 'dir' ? 'd' : '-'} ${String(size).padStart(8)} ${e.name}${e.kind === 'dir' ? '/' : ''}`;
    });
    const width = ctx.terminal.columns;
    const body = long ? names.join('\n') : width ? layoutColumns(names, width) : names.join('  ');
    listings.push(targets.length > 1 && ctx.vfs.isDir(p) ? `${t}:\n${body}` : body);
  }
  const text = listings.filter((l) => l !== '').join('\n\n');
  if (text) ctx.terminal.print(text);
  return status;
};

export const cat: Command = (argv, ctx) => {
  let status = 0;
  for (const t of argv.slice(1)) {
    try {
      const p = resolvePath(ctx.cwd, t);
      if (ctx.vfs.isDir(p)) {
        ctx.terminal.print(`cat: ${t}: Is a directory`, 'error');
        status = 1;
        continue;
      }
      const data = ctx.vfs.read(p);
      const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
      if (text !== '') ctx.terminal.print(text.replace(/\n$/, ''));
    } catch (e) {
      ctx.terminal.print(`cat: ${t}: ${reason(e)}`, 'error');
      status = 1;
    }
  }
  return status;
};

export const cd: Command = (argv, ctx) => {
  if (argv.length > 2) {
    ctx.terminal.print('cd: too many arguments', 'error');
    return 1;
  }
  const t = argv[1] ?? '/';
  try {
    const p = resolvePath(ctx.cwd, t === '~' ? '/' : t);
    if (!ctx.vfs.isDir(p)) {
      ctx.terminal.print(`cd: ${t}: ${ctx.vfs.exists(p) ? 'Not a directory' : 'No such file or directory'}`, 'error');
      return 1;
    }
    ctx.cwd = p;
    return 0;
  } catch (e) {
    ctx.terminal.print(`cd: ${t}: ${reason(e)}`, 'error');
    return 1;
  }
};

export const pwd: Command = (_argv, ctx) => {
  ctx.terminal.print(displayDir(ctx.cwd));
  return 0;
};

export const rm: Command = (argv, ctx) => {
  const { flags, operands, bad } = splitOptions(argv, 'rfRv');
  if (bad) {
    ctx.terminal.print(`rm: invalid option -- '${bad}'`, 'error');
    return 1;
  }
  if (operands.length === 0) {
    if (flags.has('f')) return 0;
    ctx.terminal.print('rm: missing operand', 'error');
    return 1;
  }
  const recursive = flags.has('r') || flags.has('R');
  let status = 0;
  for (const t of operands) {
    try {
      const p = resolvePath(ctx.cwd, t);
      if (p === '') {
        ctx.terminal.print(`rm: it is dangerous to operate recursively on '/'`, 'error');
        status = 1;
        continue;
      }
      if (!ctx.vfs.exists(p)) {
        if (!flags.has('f')) {
          ctx.terminal.print(`rm: cannot remove '${t}': No such file or directory`, 'error');
          status = 1;
        }
        continue;
      }
      if (ctx.vfs.isDir(p) && !recursive) {
        ctx.terminal.print(`rm: cannot remove '${t}': Is a directory`, 'error');
        status = 1;
        continue;
      }
      ctx.vfs.remove(p, { recursive });
      if (flags.has('v')) ctx.terminal.print(`removed '${t}'`);
      // The directory we are in may be gone now.
      if (ctx.cwd === p || ctx.cwd.startsWith(`${p}/`)) ctx.cwd = '';
    } catch (e) {
      ctx.terminal.print(`rm: cannot remove '${t}': ${reason(e)}`, 'error');
      status = 1;
    }
  }
  return status;
};

export const echo: Command = (argv, ctx) => {
  // The terminal prints whole lines: -n (no newline) is accepted and changes nothing visible.
  const args = argv[1] === '-n' ? argv.slice(2) : argv.slice(1);
  ctx.terminal.print(args.join(' '));
  return 0;
};

export const mkdir: Command = (argv, ctx) => {
  const { flags, operands, bad } = splitOptions(argv, 'pv');
  if (bad) {
    ctx.terminal.print(`mkdir: invalid option -- '${bad}'`, 'error');
    return 1;
  }
  if (operands.length === 0) {
    ctx.terminal.print('mkdir: missing operand', 'error');
    return 1;
  }
  let status = 0;
  for (const t of operands) {
    try {
      const p = resolvePath(ctx.cwd, t);
      const parent = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
      if (ctx.vfs.exists(p)) {
        if (flags.has('p') && ctx.vfs.isDir(p)) continue;
        ctx.terminal.print(`mkdir: cannot create directory '${t}': File exists`, 'error');
        status = 1;
      } else if (!flags.has('p') && !ctx.vfs.isDir(parent)) {
        ctx.terminal.print(`mkdir: cannot create directory '${t}': No such file or directory`, 'error');
        status = 1;
      } else {
        ctx.vfs.mkdir(p);
        if (flags.has('v')) ctx.terminal.print(`mkdir: created directory '${t}'`);
      }
    } catch (e) {
      ctx.terminal.print(`mkdir: cannot create directory '${t}': ${reason(e)}`, 'error');
      status = 1;
    }
  }
  return status;
};

export const touch: Command = (argv, ctx) => {
  const operands = argv.slice(1).filter((a) => !a.startsWith('-'));
  if (operands.length === 0) {
    ctx.terminal.print('touch: missing file operand', 'error');
    return 1;
  }
  let status = 0;
  for (const t of operands) {
    try {
      const p = resolvePath(ctx.cwd, t);
      const parent = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
      if (ctx.vfs.exists(p)) continue; // no times to update in this file system
      if (!ctx.vfs.isDir(parent)) throw new Error('No such file or directory');
      ctx.vfs.writeFile(p, '');
    } catch (e) {
      ctx.terminal.print(`touch: cannot touch '${t}': ${reason(e)}`, 'error');
      status = 1;
    }
  }
  return status;
};

/** Where `mv`/`cp` put SRC given DST: into DST when it is a directory. */
function target(ctx: Parameters<Command>[1], src: string, dst: string): string {
  const d = resolvePath(ctx.cwd, dst);
  if (!ctx.vfs.isDir(d)) return d;
  const name = src.slice(src.lastIndexOf('/') + 1);
  return d === '' ? name : `${d}/${name}`;
}

function twoOrMore(name: string, argv: string[], ctx: Parameters<Command>[1]): string[] | null {
  const operands = argv.slice(1).filter((a) => !/^-[fivn]+$/.test(a));
  if (operands.length === 0) ctx.terminal.print(`${name}: missing file operand`, 'error');
  else if (operands.length === 1) ctx.terminal.print(`${name}: missing destination file operand after '${operands[0]}'`, 'error');
  else if (operands.length > 2 && !ctx.vfs.isDir(resolvePath(ctx.cwd, operands.at(-1)!))) ctx.terminal.print(`${name}: target '${operands.at(-1)}' is not a directory`, 'error');
  else return operands;
  return null;
}

export const mv: Command = (argv, ctx) => {
  const operands = twoOrMore('mv', argv, ctx);
  if (!operands) return 1;
  const dst = operands.pop()!;
  let status = 0;
  for (const t of operands) {
    try {
      const from = resolvePath(ctx.cwd, t);
      if (!ctx.vfs.exists(from)) throw new Error('No such file or directory');
      const to = target(ctx, from, dst);
      if (to === from) continue;
      if (ctx.vfs.isFile(to) && ctx.vfs.isFile(from)) ctx.vfs.remove(to); // mv replaces a file
      ctx.vfs.rename(from, to);
    } catch (e) {
      ctx.terminal.print(`mv: cannot move '${t}' to '${dst}': ${reason(e)}`, 'error');
      status = 1;
    }
  }
  return status;
};

export const cp: Command = (argv, ctx) => {
  const operands = twoOrMore('cp', argv, ctx);
  if (!operands) return 1;
  const dst = operands.pop()!;
  let status = 0;
  for (const t of operands) {
    try {
      const from = resolvePath(ctx.cwd, t);
      if (ctx.vfs.isDir(from)) {
        ctx.terminal.print(`cp: -r not specified; omitting directory '${t}'`, 'error');
        status = 1;
        continue;
      }
      if (!ctx.vfs.isFile(from)) throw new Error('No such file or directory');
      const to = target(ctx, from, dst);
      const data = ctx.vfs.read(from);
      ctx.vfs.writeFile(to, typeof data === 'string' ? data : data.slice());
    } catch (e) {
      ctx.terminal.print(`cp: cannot stat '${t}': ${reason(e)}`, 'error');
      status = 1;
    }
  }
  return status;
};
