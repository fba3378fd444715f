fn forever() -> ! {
    loop {
        core::hint::spin_loop();
    }
}
fn maybe(x: bool) -> u32 {
    let v: u32 = if x { 1 } else { return 0 };
    let w = match x { true => 2, false => panic!("no") };
    let _never: ! = forever();
}
