#![no_std]
static HELLO: &[u8] = "Hello World!";
