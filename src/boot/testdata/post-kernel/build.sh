#!/bin/sh
# Builds the post's final main.rs ("A Minimal Rust Kernel": Hello World! in light cyan) into
# kernel-O0.elf and kernel-O3.elf with the host's stable rustc, the way the post's target
# builds it: no_std, panic=abort, static relocation model, SSE/MMX off, soft-float, linked by
# rust-lld as a static executable whose first segment is at 0x200000 with entry _start.
#   usage: build.sh [OUTDIR] [OPT-LEVELS...]      (default: this directory, 0 and 3)
# The host's libcore was built with unwinding, so at opt-level 0 its .eh_frame still names
# rust_eh_personality; with panic=abort nothing calls it, and the linker gets an address for
# it (the post's build-std recompiles core with panic=abort and has no such reference).
# rustc warns that the x86_64-unknown-linux-gnu target's ABI wants SSE2; the kernel uses no
# floating point, so the warning does not matter here (the post's custom target avoids it).
set -e
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here}
[ $# -gt 0 ] && shift
levels=${*:-0 3}
lld="$(rustc --print sysroot)/lib/rustlib/x86_64-unknown-linux-gnu/bin/rust-lld"
for opt in $levels; do
  rustc --edition 2021 --crate-type bin -C panic=abort -C opt-level="$opt" \
    -C relocation-model=static -C target-feature=-sse,-sse2,-mmx,+soft-float \
    -C debuginfo=0 -C strip=debuginfo \
    -C linker="$lld" -C linker-flavor=ld.lld \
    -C link-arg=-static -C link-arg=-nostdlib -C link-arg=-e_start \
    -C link-arg=--image-base=0x200000 -C link-arg=--build-id=none \
    -C link-arg=--defsym=rust_eh_personality=0 \
    "$here/main.rs" -o "$out/kernel-O$opt.elf" 2>/dev/null
done
