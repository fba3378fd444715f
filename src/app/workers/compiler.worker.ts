// The compiler Worker: cargo's CompilerHost (src/toolchain/cargo/compilerHost.ts) run off the
// page's thread. It holds the compiled std crates (definitions, IR, objects) in the driver's
// cache across builds; only plain data crosses to the page (compiler-client.ts): sources in,
// rendered and JSON diagnostics, content hashes and object bytes out (copied, not transferred,
// because the std crates' objects stay cached here).
import * as Comlink from 'comlink';
import { inProcessCompilerHost, type CompilerHost } from '../../toolchain/cargo/compilerHost.ts';

const api: CompilerHost = {
  buildSysroot: (opts) => inProcessCompilerHost.buildSysroot(opts),
  hostStdCheck: (req) => inProcessCompilerHost.hostStdCheck(req),
  compileCrate: (req) => inProcessCompilerHost.compileCrate(req),
  link: (inputs, options) => inProcessCompilerHost.link(inputs, options),
  bootImage: (kernel) => inProcessCompilerHost.bootImage(kernel),
};

export type CompilerWorkerApi = typeof api;

Comlink.expose(api);
