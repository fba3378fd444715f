// if let and let-else with C-like enum patterns, matches!-free checks written with match,
// nested enums in tuples, enum values returned from functions and compared.
#![no_std]
#![no_main]

#[derive(Clone, Copy, PartialEq)]
enum Light {
    Red,
    Yellow,
    Green,
}

fn next(l: Light) -> Light {
    match l {
        Light::Red => Light::Green,
        Light::Green => Light::Yellow,
        Light::Yellow => Light::Red,
    }
}

fn wait_time(l: Light) -> u32 {
    let Light::Red = l else {
        return 0;
    };
    30
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut l = Light::Red;
    let mut total = 0;
    for _ in 0..7 {
        if let Light::Green = l {
            put_str("go ");
        } else if let Light::Yellow = l {
            put_str("slow ");
        } else {
            put_str("stop ");
        }
        total += wait_time(l);
        l = next(l);
    }
    nl();
    showu("total", total as u64);
    let pair = (Light::Yellow, 5u8);
    if let (Light::Yellow, n) = pair {
        showu("yellow_n", n as u64);
    }
    let is_red = match l {
        Light::Red => true,
        _ => false,
    };
    showb("is_red", is_red);
    done()
}
