// Whether src/rustc compiles the post's kernel end to end yet (our core and compiler_builtins,
// then the Hello World main.rs, to an object). The tests of the post's states that need a built
// kernel run only when it does; until then they are todo, never faked.
import { compileCrate, compileSysroot } from '../compile.ts';
import { MAIN_RS_HELLO } from './post-project.ts';

export function compilerBuildsTheKernel(): boolean {
  const sys = compileSysroot({ release: false, memFeature: true });
  if (!sys.core || !sys.compilerBuiltins) return false;
  const r = compileCrate({
    crateName: 'blog_os',
    crateType: 'bin',
    rootPath: 'src/main.rs',
    source: MAIN_RS_HELLO,
    edition: '2018',
    target: 'x86_64-blog_os',
    release: false,
    coreAvailable: true,
    nightly: true,
    externs: [sys.core, sys.compilerBuiltins],
  });
  return r.object !== undefined;
}
