// The page's compiler host when its Worker cannot run: a Worker that fails to load must not lose
// the build; the request is answered in the page, with the same result as the in-process host.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compilerHost, inProcessCompilerHost, setCompilerHost } from '../../toolchain/cargo/compilerHost.ts';
import { installCompilerWorker, workerCompilerHost } from './compiler-client.ts';

/** A Worker whose script never loads: it reports an error and answers nothing. */
class FailingWorker {
  static made = 0;
  terminated = false;
  constructor() {
    FailingWorker.made++;
  }
  addEventListener(type: string, listener: (e: { message: string }) => void): void {
    if (type === 'error') setTimeout(() => listener({ message: 'failed to fetch the script' }), 0);
  }
  removeEventListener(): void {}
  postMessage(): void {}
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  setCompilerHost(inProcessCompilerHost);
  vi.unstubAllGlobals();
});

describe('compiler-client', () => {
  it('installs the Worker-backed host for cargo', () => {
    installCompilerWorker();
    expect(compilerHost()).toBe(workerCompilerHost);
  });

  it('a Worker that fails to load leaves the work to the page, with the same result, and is not tried again', async () => {
    vi.stubGlobal('Worker', FailingWorker);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const req = { crateName: 'k', crateType: 'bin' as const, rootPath: 'src/main.rs', source: 'fn main() {\n    let x = ;\n}\n', edition: '2021' as const, target: 'x86_64-blog_os', release: false, coreAvailable: false, nightly: true };
    const viaClient = await workerCompilerHost.compileCrate(req);
    expect(viaClient).toStrictEqual(await inProcessCompilerHost.compileCrate(req));
    expect(viaClient.errors).toBeGreaterThan(0);
    expect(FailingWorker.made).toBe(1);
    await workerCompilerHost.hostStdCheck({ ...req, sysrootHasStd: true });
    expect(FailingWorker.made).toBe(1);
  });
});
