#![no_std]
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

fn f(a0: u8, a1: u8, a2: u8, a3: u8, a4: u8, a5: u8, a6: u8, a7: u8, a8: u8, a9: u8, a10: u8, a11: u8, a12: u8, a13: u8, a14: u8, a15: u8, a16: u8, a17: u8, a18: u8, a19: u8, a20: u8, a21: u8, a22: u8, a23: u8, a24: u8, a25: u8, a26: u8, a27: u8, a28: u8, a29: u8, a30: u8, a31: u8, a32: u8, a33: u8, a34: u8, a35: u8, a36: u8, a37: u8, a38: u8, a39: u8, a40: u8, a41: u8, a42: u8, a43: u8, a44: u8, a45: u8, a46: u8, a47: u8, a48: u8, a49: u8, a50: u8, a51: u8, a52: u8, a53: u8, a54: u8, a55: u8, a56: u8, a57: u8, a58: u8, a59: u8, a60: u8, a61: u8, a62: u8, a63: u8, a64: u8, a65: u8, a66: u8, a67: u8, a68: u8, a69: u8, a70: u8, a71: u8, a72: u8, a73: u8, a74: u8, a75: u8, a76: u8, a77: u8, a78: u8, a79: u8, a80: u8, a81: u8, a82: u8, a83: u8, a84: u8, a85: u8, a86: u8, a87: u8, a88: u8, a89: u8, a90: u8, a91: u8, a92: u8, a93: u8, a94: u8, a95: u8, a96: u8, a97: u8, a98: u8, a99: u8) -> u32 { a0 as u32 + a1 as u32 + a2 as u32 + a3 as u32 + a4 as u32 + a5 as u32 + a6 as u32 + a7 as u32 + a8 as u32 + a9 as u32 + a10 as u32 + a11 as u32 + a12 as u32 + a13 as u32 + a14 as u32 + a15 as u32 + a16 as u32 + a17 as u32 + a18 as u32 + a19 as u32 + a20 as u32 + a21 as u32 + a22 as u32 + a23 as u32 + a24 as u32 + a25 as u32 + a26 as u32 + a27 as u32 + a28 as u32 + a29 as u32 + a30 as u32 + a31 as u32 + a32 as u32 + a33 as u32 + a34 as u32 + a35 as u32 + a36 as u32 + a37 as u32 + a38 as u32 + a39 as u32 + a40 as u32 + a41 as u32 + a42 as u32 + a43 as u32 + a44 as u32 + a45 as u32 + a46 as u32 + a47 as u32 + a48 as u32 + a49 as u32 + a50 as u32 + a51 as u32 + a52 as u32 + a53 as u32 + a54 as u32 + a55 as u32 + a56 as u32 + a57 as u32 + a58 as u32 + a59 as u32 + a60 as u32 + a61 as u32 + a62 as u32 + a63 as u32 + a64 as u32 + a65 as u32 + a66 as u32 + a67 as u32 + a68 as u32 + a69 as u32 + a70 as u32 + a71 as u32 + a72 as u32 + a73 as u32 + a74 as u32 + a75 as u32 + a76 as u32 + a77 as u32 + a78 as u32 + a79 as u32 + a80 as u32 + a81 as u32 + a82 as u32 + a83 as u32 + a84 as u32 + a85 as u32 + a86 as u32 + a87 as u32 + a88 as u32 + a89 as u32 + a90 as u32 + a91 as u32 + a92 as u32 + a93 as u32 + a94 as u32 + a95 as u32 + a96 as u32 + a97 as u32 + a98 as u32 + a99 as u32 }
fn g() -> u32 { f(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99) }

