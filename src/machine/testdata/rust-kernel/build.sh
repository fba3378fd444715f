#!/bin/sh
# Rebuilds disk.img: a no_std Rust kernel (main.rs, built by the host's stable rustc for
# x86_64-unknown-linux-gnu with SSE disabled, linked at 0x200000 as a flat binary) behind a
# small BIOS bootloader (boot.asm: EDD read, A20, long mode, 2 MiB pages). Needs rustc, nasm,
# objcopy. The kernel prints Hello World! and three u128 results, then writes 0x10 to port 0xf4.
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
rustc --edition 2021 -C panic=abort -C opt-level=2 -C relocation-model=static -C code-model=kernel \
  -C target-feature=-sse,-sse2,-mmx,+soft-float --crate-type bin \
  -C link-arg=-nostdlib -C link-arg=-static -C link-arg=-Wl,-Ttext=0x200000 -C link-arg=-Wl,--build-id=none \
  -C link-arg=-nostartfiles main.rs -o "$tmp/kernel.elf" 2>/dev/null
objcopy -O binary "$tmp/kernel.elf" "$tmp/kernel.bin"
entry=$(nm "$tmp/kernel.elf" | awk '$3 == "_start" { print $1 }')
cp "$tmp/kernel.bin" kernel.bin
nasm -f bin -DENTRY=0x$entry boot.asm -o disk.img
rm -f kernel.bin
rm -rf "$tmp"
