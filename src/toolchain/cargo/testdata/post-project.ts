// The learner's project as "A Minimal Rust Kernel" leaves it at each step (our own transcription
// of the post's files, for tests).
export const CARGO_TOML = `[package]
name = "blog_os"
version = "0.1.0"
edition = "2018"

[profile.dev]
panic = "abort"

[profile.release]
panic = "abort"
`;

export const CARGO_TOML_WITH_BOOTLOADER = CARGO_TOML + `
[dependencies]
bootloader = "0.9"
`;

/** The post's target file, in the post's era: strings for the widths, no `rustc-abi`, LLVM 17's layout. */
export const TARGET_JSON_POST_ERA = `{
    "llvm-target": "x86_64-unknown-none",
    "data-layout": "e-m:e-i64:64-f80:128-n8:16:32:64-S128",
    "arch": "x86_64",
    "target-endian": "little",
    "target-pointer-width": "64",
    "target-c-int-width": "32",
    "os": "none",
    "executables": true,
    "linker-flavor": "ld.lld",
    "linker": "rust-lld",
    "panic-strategy": "abort",
    "disable-redzone": true,
    "features": "-mmx,-sse,+soft-float"
}
`;

/** The same file as today's nightly wants it. */
export const TARGET_JSON_TODAY = `{
    "llvm-target": "x86_64-unknown-none",
    "data-layout": "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128",
    "arch": "x86_64",
    "target-endian": "little",
    "target-pointer-width": 64,
    "target-c-int-width": 32,
    "os": "none",
    "executables": true,
    "linker-flavor": "ld.lld",
    "linker": "rust-lld",
    "panic-strategy": "abort",
    "disable-redzone": true,
    "features": "-mmx,-sse,+soft-float",
    "rustc-abi": "softfloat"
}
`;

export const MAIN_RS = `#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    loop {}
}
`;

export const MAIN_RS_NO_PANIC_HANDLER = `#![no_std]
#![no_main]

#[no_mangle]
pub extern "C" fn _start() -> ! {
    loop {}
}
`;

/** The post's "Hello World!" kernel (VGA buffer writes). */
export const MAIN_RS_HELLO = `#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

static HELLO: &[u8] = b"Hello World!";

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let vga_buffer = 0xb8000 as *mut u8;

    for (i, &byte) in HELLO.iter().enumerate() {
        unsafe {
            *vga_buffer.offset(i as isize * 2) = byte;
            *vga_buffer.offset(i as isize * 2 + 1) = 0xb;
        }
    }

    loop {}
}
`;

/**
 * A kernel that copies a 128-byte array out of a static, which compilers do with `memcpy` (from
 * compiler-builtins-mem on the post's target): the host's rustc 1.95 calls memcpy here too.
 */
export const MAIN_RS_NEEDS_MEMCPY = `#![no_std]
#![no_main]

use core::panic::PanicInfo;

#[panic_handler]
fn panic(_info: &PanicInfo) -> ! {
    loop {}
}

static TABLE: [u8; 128] = [7; 128];

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut copy = TABLE;
    copy[0] = 1;
    let vga = 0xb8000 as *mut u8;
    unsafe { *vga = copy[0] + copy[127]; }
    loop {}
}
`;

export const CONFIG_BUILD_STD = `[unstable]
build-std = ["core", "compiler_builtins"]

[build]
target = "x86_64-blog_os.json"
`;

export const CONFIG_FULL = `[unstable]
build-std-features = ["compiler-builtins-mem"]
build-std = ["core", "compiler_builtins"]

[build]
target = "x86_64-blog_os.json"

[target.'cfg(target_os = "none")']
runner = "bootimage runner"
`;
