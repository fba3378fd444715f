#![no_std]
pub fn f() -> u32 { let x = 1; return 0; let _y = x; }
pub fn g() -> u32 { let a; return 0; a }
pub fn h() -> u32 { let b = 1; loop {} b = 2; }
