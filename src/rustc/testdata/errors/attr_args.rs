#![no_std]
#[derive(Clone) Copy]
struct S;
#[repr u8]
enum E { A }
