// Function pointers: a table of fn(u32, u32) -> u32, passing functions as arguments, function
// items stored in locals and struct fields, extern "C" functions of the program itself called
// through a pointer, choosing a function with match.
#![no_std]
#![no_main]

fn add(a: u32, b: u32) -> u32 {
    a + b
}

fn sub(a: u32, b: u32) -> u32 {
    a.wrapping_sub(b)
}

fn mul(a: u32, b: u32) -> u32 {
    a * b
}

fn apply_all(ops: &[fn(u32, u32) -> u32], a: u32, b: u32) -> u32 {
    let mut acc = 0;
    for op in ops.iter() {
        acc = acc * 7 + op(a, b);
    }
    acc
}

fn twice(f: fn(u32) -> u32, x: u32) -> u32 {
    f(f(x))
}

fn inc(x: u32) -> u32 {
    x + 1
}

fn square(x: u32) -> u32 {
    x * x
}

extern "C" fn c_style(x: i32) -> i32 {
    x * -3
}

struct Machine {
    step: fn(u32) -> u32,
    name: &'static str,
}

fn pick(op: u8) -> fn(u32, u32) -> u32 {
    match op {
        b'+' => add,
        b'-' => sub,
        _ => mul,
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let ops: [fn(u32, u32) -> u32; 3] = [add, sub, mul];
    showu("apply_all", apply_all(&ops, 9, 4) as u64);
    showu("twice_inc", twice(inc, 5) as u64);
    showu("twice_square", twice(square, 5) as u64);
    let f = square;
    showu("local_item", f(12) as u64);
    let g: extern "C" fn(i32) -> i32 = c_style;
    show("extern_c", g(14) as i64);
    let machines = [Machine { step: inc, name: "inc" }, Machine { step: square, name: "square" }];
    for m in machines.iter() {
        put_str(m.name);
        put_byte(b'=');
        put_u64((m.step)(3) as u64);
        nl();
    }
    let mut acc = 100;
    for &c in b"+-*+".iter() {
        acc = pick(c)(acc, 3);
    }
    showu("picked", acc as u64);
    let chosen: fn(u32) -> u32 = if acc > 300 { inc } else { square };
    showu("chosen", chosen(acc) as u64);
    done()
}
