// core::mem::size_of and align_of for integers, bool, char, arrays, tuples, structs (with
// padding, as Rust lays them out), C-like enums, references, raw and function pointers.
#![no_std]
#![no_main]

use core::mem::{align_of, size_of};

#[allow(dead_code)]
struct Mixed {
    a: u8,
    b: u32,
    c: u16,
}

#[allow(dead_code)]
#[repr(C)]
struct MixedC {
    a: u8,
    b: u32,
    c: u16,
}

#[allow(dead_code)]
enum Small {
    A,
    B,
}

#[allow(dead_code)]
#[repr(u16)]
enum Wide {
    A = 1,
    B = 300,
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    showu("u8", size_of::<u8>() as u64);
    showu("i16", size_of::<i16>() as u64);
    showu("u32", size_of::<u32>() as u64);
    showu("i64", size_of::<i64>() as u64);
    showu("u128", size_of::<u128>() as u64);
    showu("usize", size_of::<usize>() as u64);
    showu("bool", size_of::<bool>() as u64);
    showu("char", size_of::<char>() as u64);
    showu("unit", size_of::<()>() as u64);
    showu("array", size_of::<[u16; 7]>() as u64);
    showu("tuple", size_of::<(u8, u64)>() as u64);
    showu("mixed", size_of::<Mixed>() as u64);
    showu("mixed_c", size_of::<MixedC>() as u64);
    showu("align_mixed", align_of::<Mixed>() as u64);
    showu("small", size_of::<Small>() as u64);
    showu("wide", size_of::<Wide>() as u64);
    showu("ref", size_of::<&u8>() as u64);
    showu("slice_ref", size_of::<&[u8]>() as u64);
    showu("str_ref", size_of::<&str>() as u64);
    showu("ptr", size_of::<*const u64>() as u64);
    showu("fn_ptr", size_of::<fn(u8) -> u8>() as u64);
    showu("align_u64", align_of::<u64>() as u64);
    showu("align_u16", align_of::<u16>() as u64);
    done()
}
