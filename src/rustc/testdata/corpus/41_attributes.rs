#![no_std]
#![allow(dead_code, unused_variables)]
#![cfg_attr(test, allow(unused))]
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn fast() {}
#[cfg(not(test))]
#[doc = "documented"]
#[must_use = "use it"]
#[unsafe(no_mangle)]
pub extern "C" fn exported() -> u32 { 1 }
#[link_section = ".boot"]
#[used]
static BOOT: [u8; 2] = [0x55, 0xaa];
fn attrs_in_exprs() {
    #[allow(unused)]
    let x = 1;
    let _s = S { #[cfg(all())] a: 1 };
}
struct S { #[allow(unused)] a: u8 }
