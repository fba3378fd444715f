// The prelude's printers on their own: strings, decimal and hexadecimal numbers, booleans.
#![no_std]
#![no_main]

#[no_mangle]
pub extern "C" fn _start() -> ! {
    put_str("hello from the prelude");
    nl();
    show("zero", 0);
    show("min_i64", i64::MIN);
    showu("max_u64", u64::MAX);
    showx("hex", 0xdead_beef, 8);
    showb("yes", true);
    put_i128(i128::MIN);
    nl();
    put_u128(u128::MAX);
    nl();
    done()
}
