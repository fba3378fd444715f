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

fn f() -> u32 { let mut n = 0u32; 'l0: for _i0 in 0..2 { 'l1: for _i1 in 0..2 { 'l2: for _i2 in 0..2 { 'l3: for _i3 in 0..2 { 'l4: for _i4 in 0..2 { 'l5: for _i5 in 0..2 { 'l6: for _i6 in 0..2 { 'l7: for _i7 in 0..2 { 'l8: for _i8 in 0..2 { 'l9: for _i9 in 0..2 { 'l10: for _i10 in 0..2 { 'l11: for _i11 in 0..2 { 'l12: for _i12 in 0..2 { 'l13: for _i13 in 0..2 { 'l14: for _i14 in 0..2 { 'l15: for _i15 in 0..2 { 'l16: for _i16 in 0..2 { 'l17: for _i17 in 0..2 { 'l18: for _i18 in 0..2 { 'l19: for _i19 in 0..2 { 'l20: for _i20 in 0..2 { 'l21: for _i21 in 0..2 { 'l22: for _i22 in 0..2 { 'l23: for _i23 in 0..2 { 'l24: for _i24 in 0..2 { 'l25: for _i25 in 0..2 { 'l26: for _i26 in 0..2 { 'l27: for _i27 in 0..2 { 'l28: for _i28 in 0..2 { 'l29: for _i29 in 0..2 { 'l30: for _i30 in 0..2 { 'l31: for _i31 in 0..2 { 'l32: for _i32 in 0..2 { 'l33: for _i33 in 0..2 { 'l34: for _i34 in 0..2 { 'l35: for _i35 in 0..2 { 'l36: for _i36 in 0..2 { 'l37: for _i37 in 0..2 { 'l38: for _i38 in 0..2 { 'l39: for _i39 in 0..2 { 'l40: for _i40 in 0..2 { 'l41: for _i41 in 0..2 { 'l42: for _i42 in 0..2 { 'l43: for _i43 in 0..2 { 'l44: for _i44 in 0..2 { 'l45: for _i45 in 0..2 { 'l46: for _i46 in 0..2 { 'l47: for _i47 in 0..2 { 'l48: for _i48 in 0..2 { 'l49: for _i49 in 0..2 { n += 1; break 'l0; } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } } n }

