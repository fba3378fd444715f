#![no_std]
pub fn f() {
    println!("Hello {}", 1);
    let v = vec![1];
    let s: String = 5;
}
