// Blocks and if as expressions, shadowing with a different type, a mutable binding initialised
// later, nested functions and consts inside functions, const fn, `let` with an explicit type.
#![no_std]
#![no_main]

const fn cube(x: u64) -> u64 {
    x * x * x
}

const CUBE_5: u64 = cube(5);

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let x = 5;
    let x = x * 2;
    {
        let x = "inner shadow";
        put_str(x);
        nl();
    }
    show("x", x);
    let x = x > 5;
    showb("x_bool", x);

    let y = {
        let a = 3;
        let b = 4;
        a * a + b * b
    };
    show("y", y);

    let sign = if y > 20 { 1 } else if y < 20 { -1 } else { 0 };
    show("sign", sign);

    let later: u32;
    if y % 2 == 1 {
        later = 11;
    } else {
        later = 22;
    }
    showu("later", later as u64);

    fn helper(v: u32) -> u32 {
        const OFFSET: u32 = 1000;
        v + OFFSET
    }
    showu("helper", helper(later) as u64);
    showu("cube5", CUBE_5);
    showu("cube_runtime", cube(later as u64));

    let total: u16 = {
        let mut t = 0;
        for i in 1..=10u16 {
            t += if i % 2 == 0 { i } else { 0 };
        }
        t
    };
    showu("total", total as u64);
    let message = match total {
        30 => "thirty",
        _ => "something else",
    };
    put_str(message);
    nl();
    done()
}
