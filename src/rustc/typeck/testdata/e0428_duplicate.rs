#![no_std]
fn print() {}
fn print() {}
