fn apply<F: Fn(i32) -> i32>(f: F, v: i32) -> i32 {
    f(v)
}

fn make_adder(n: i32) -> impl Fn(i32) -> i32 {
    move |x| x + n
}

fn closures() -> i32 {
    let double = |x: i32| -> i32 { x * 2 };
    let unit = || ();
    let mut count = 0;
    let mut inc = || count += 1;
    inc();
    inc();
    unit();
    let add = make_adder(3);
    let boxed: &dyn Fn(i32) -> i32 = &|x| x - 1;
    apply(double, 4) + add(1) + boxed(10) + count + apply(|x| x, 0)
}

fn higher_order(f: fn(u8) -> u8, g: &mut dyn FnMut(u8)) -> u8 {
    g(1);
    f(2)
}
