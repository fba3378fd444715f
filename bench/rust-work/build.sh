#!/bin/sh
# Rebuilds disk.img: main.rs built by the host's stable rustc (x86_64-unknown-linux-gnu, SSE
# disabled, linked at 0x200000 as a flat binary) behind the bootloader of
# src/machine/testdata/rust-kernel/boot.asm. Needs rustc, nasm, objcopy.
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
nasm -f bin -DENTRY=0x$entry ../../src/machine/testdata/rust-kernel/boot.asm -o disk.img
rm -f kernel.bin
rm -rf "$tmp"
