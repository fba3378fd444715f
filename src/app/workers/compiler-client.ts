// The page's side of the compiler Worker: a CompilerHost that forwards cargo's requests to
// compiler.worker.ts, so compiling `core` (seconds, cold) and the learner's crate never blocks
// the page. The Worker (and the compiler's code with it) starts on the first build. If it cannot
// start, the build still happens, in the page as before (slower to paint, but never lost).
import * as Comlink from 'comlink';
import { inProcessCompilerHost, setCompilerHost, type CompilerHost } from '../../toolchain/cargo/compilerHost.ts';
import type { CompilerWorkerApi } from './compiler.worker.ts';

let remote: Comlink.Remote<CompilerWorkerApi> | null = null;
/** Rejects when the Worker fails to load or dies (then later calls run in the page). */
let failed: Promise<never> | null = null;
let broken = false;

function worker(): Comlink.Remote<CompilerWorkerApi> {
  if (remote) return remote;
  const w = new Worker(new URL('./compiler.worker.ts', import.meta.url), { type: 'module', name: 'bootlab-compiler' });
  failed = new Promise<never>((_, reject) => {
    w.addEventListener('error', (e) => {
      broken = true;
      remote = null;
      w.terminate();
      reject(new Error(`the compiler worker stopped: ${e.message || 'it could not be loaded'}`));
    });
  });
  failed.catch(() => {});
  remote = Comlink.wrap<CompilerWorkerApi>(w);
  return remote;
}

/** Runs `call` in the Worker; in the page when the Worker is (or turns out to be) unusable. */
async function viaWorker<T>(call: (host: CompilerHost) => Promise<T>): Promise<T> {
  if (broken || typeof Worker !== 'function') return call(inProcessCompilerHost);
  const w = worker();
  try {
    return await Promise.race([call(w as unknown as CompilerHost), failed!]);
  } catch (e) {
    // a Worker that failed to load never answers; the compiler itself never throws (compile.ts
    // turns its bugs into diagnostics), so anything else here is the Worker's failure too
    console.warn('Bootlab compiles in the page instead:', e);
    broken = true;
    return call(inProcessCompilerHost);
  }
}

export const workerCompilerHost: CompilerHost = {
  buildSysroot: (opts) => viaWorker((h) => h.buildSysroot(opts)),
  hostStdCheck: (req) => viaWorker((h) => h.hostStdCheck(req)),
  compileCrate: (req) => viaWorker((h) => h.compileCrate(req)),
  link: (inputs, options) => viaWorker((h) => h.link(inputs, options)),
  bootImage: (kernel) => viaWorker((h) => h.bootImage(kernel)),
};

/** Makes cargo in this page compile in the Worker. */
export function installCompilerWorker(): void {
  setCompilerHost(workerCompilerHost);
}
