// Compile figures of the whole toolchain, through the shell as the learner runs it: the post's
// project (build-std with compiler-builtins-mem, the post's target file, `bootimage runner`) and
// its Hello World main.rs.
// - cold: the first `cargo build` in this process — our core and compiler_builtins, then main.rs,
//   then the link (the driver's in-memory sysroot cache is emptied first);
// - warm: `cargo build` after an edit of main.rs (core cached, only the crate and the link), median
//   of 7 after 3 uncounted edits;
// - fresh: `cargo build` with nothing changed (cargo's fingerprint check only), median;
// - `cargo bootimage` from a clean target folder with core cached: build, bootloader, disk image;
//   and once from scratch (empty sysroot cache).
// A build that fails is reported as a failed benchmark with cargo's output: no figure is made up.
import { Shell } from '../src/toolchain/shell/shell.ts';
import { Vfs } from '../src/toolchain/vfs.ts';
import { CARGO_TOML_WITH_BOOTLOADER, CONFIG_FULL, MAIN_RS_HELLO, TARGET_JSON_POST_ERA } from '../src/toolchain/cargo/testdata/post-project.ts';
import { clearSysrootCache } from '../src/rustc/driver/sysroot.ts';
// Loaded before timing: cargo's compiler host imports these on first use (so the page starts
// without them); under tsx that first import transpiles them, which no build of the page does.
import '../src/toolchain/cargo/compile.ts';
import '../src/rustc/driver/index.ts';
import '../src/link/index.ts';
import '../src/boot/index.ts';
import type { BenchResult } from './run.ts';

function project() {
  const vfs = Vfs.from({
    'Cargo.toml': CARGO_TOML_WITH_BOOTLOADER,
    'x86_64-blog_os.json': TARGET_JSON_POST_ERA,
    '.cargo/config.toml': CONFIG_FULL,
    'rust-toolchain': 'nightly\n',
    'src/main.rs': MAIN_RS_HELLO,
  });
  const out: string[] = [];
  const shell = new Shell({ vfs, terminal: { print: (t) => void out.push(t), clear: () => {} } });
  const run = async (line: string) => {
    out.length = 0;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const status = await shell.run(line);
    const ms = performance.now() - t0;
    const used = process.cpuUsage(c0);
    lastCpu = (used.user + used.system) / 1000;
    if (status !== 0) throw new Error(`\`${line}\` failed (status ${status}):\n${out.join('\n')}`);
    return ms;
  };
  return { vfs, run };
}

// CPU time of the last command (this process, all its threads: the garbage collector's too). On a
// loaded machine wall time grows with the load; CPU time much less, so both are printed.
let lastCpu = 0;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async function benchCargo(): Promise<BenchResult[]> {
  const p = project();
  await p.run('rustup component add rust-src llvm-tools-preview');
  clearSysrootCache();
  const cold = await p.run('cargo build');
  const coldCpu = lastCpu;
  const warm: number[] = [];
  const warmCpu: number[] = [];
  // three edits first, not counted: the JavaScript engine compiles the compiler's hot paths then
  for (let i = 0; i < 10; i++) {
    p.vfs.writeFile('src/main.rs', MAIN_RS_HELLO.replace('b"Hello World!"', `b"Hello World! ${i}"`));
    const ms = await p.run('cargo build');
    if (i >= 3) { warm.push(ms); warmCpu.push(lastCpu); }
  }
  const fresh: number[] = [];
  for (let i = 0; i < 7; i++) fresh.push(await p.run('cargo build'));
  // the whole post from nothing: a new project, an empty sysroot cache, `cargo bootimage`
  const scratch = project();
  await scratch.run('rustup component add rust-src llvm-tools-preview');
  clearSysrootCache();
  const fromScratch = await scratch.run('cargo bootimage');
  const fromScratchCpu = lastCpu;
  const images: number[] = [];
  for (let i = 0; i < 3; i++) {
    const q = project();
    await q.run('rustup component add rust-src llvm-tools-preview');
    images.push(await q.run('cargo bootimage'));
  }
  return [
    { name: 'cargo build, cold (core + compiler_builtins + main.rs + link)', value: cold, unit: 'ms' },
    { name: 'cargo build, cold, CPU time', value: coldCpu, unit: 'ms' },
    { name: 'cargo build, warm (main.rs edited, core cached), median of 7', value: median(warm), unit: 'ms' },
    { name: 'cargo build, warm, CPU time, median of 7', value: median(warmCpu), unit: 'ms' },
    { name: 'cargo build, nothing changed (fingerprints), median of 7', value: median(fresh), unit: 'ms' },
    { name: 'cargo bootimage, clean target (core cached), median of 3', value: median(images), unit: 'ms' },
    { name: 'cargo bootimage from scratch (core compiled too)', value: fromScratch, unit: 'ms' },
    { name: 'cargo bootimage from scratch, CPU time', value: fromScratchCpu, unit: 'ms' },
  ];
}
