// Integer literals: hexadecimal, octal and binary forms, underscores, type suffixes of every
// width, byte and char literals with escapes, literals at the limits of their types.
#![no_std]
#![no_main]

#[no_mangle]
pub extern "C" fn _start() -> ! {
    showu("hex", 0xFF_FFu32 as u64);
    showu("octal", 0o777 as u64);
    showu("binary", 0b1010_1010u8 as u64);
    show("neg_hex", -0x80i64);
    showu("u64_max", 18_446_744_073_709_551_615u64);
    show("i64_min", -9_223_372_036_854_775_808i64);
    show("i8_min", -128i8 as i64);
    show("i16_min", -32_768i16 as i64);
    show("i32_min", -2147483648i32 as i64);
    showu("usize", (1usize << 63 >> 60) as u64);
    show("isize", -1isize as i64);
    put_u128(0xffff_ffff_ffff_ffff_ffff_ffff_ffff_ffffu128);
    nl();
    put_i128(-170_141_183_460_469_231_731_687_303_715_884_105_728i128);
    nl();
    showu("byte", b'\x7f' as u64);
    showu("byte_escape", b'\n' as u64 + b'\t' as u64 + b'\\' as u64 + b'\'' as u64 + b'\0' as u64);
    showu("char_unicode", '\u{1F980}' as u64);
    showu("char_escape", '\'' as u64 + '"' as u64 + '\r' as u64);
    showu("exp_like", 1_0_0 as u64);
    done()
}
