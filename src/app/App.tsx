export function App() {
  return (
    <main className="landing">
      <header>
        <h1>
          Bootlab <span className="tagline">— learn how a kernel starts</span>
        </h1>
      </header>
      <p className="blurb">
        Bootlab walks you through “A Minimal Rust Kernel”, the second post of the “Writing an OS
        in Rust” series, one small step at a time. You edit the same files the post does —{' '}
        <code>Cargo.toml</code>, the <code>x86_64-blog_os.json</code> target, <code>.cargo/config.toml</code>{' '}
        and <code>src/main.rs</code> — and everything your own computer would do happens right here
        in the page: a Rust compiler and linker, a bootloader and disk-image builder, and an x86-64 PC
        emulator whose VGA screen shows only what your kernel really wrote to memory. No install, no
        server, and no pretend output.
      </p>
      <p className="status" role="status">
        Under construction: the editors, the toolchain and the emulator are being built now.
      </p>
    </main>
  );
}
