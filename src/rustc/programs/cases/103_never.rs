// The never type: functions returning `!` used where a value is expected, `return`, `break`
// and `continue` as expressions inside match arms and if branches, statics and consts declared
// inside function bodies.
#![no_std]
#![no_main]

fn fail(code: u32) -> ! {
    put_str("fail ");
    put_u64(code as u64);
    nl();
    exit(EXIT_DONE + 1)
}

fn pick(n: u32) -> u32 {
    let v: u32 = if n < 100 { n * 2 } else { fail(n) };
    v + 1
}

fn classify(values: &[i32]) -> (u32, u32) {
    let mut pos = 0;
    let mut skipped = 0;
    for &v in values.iter() {
        let weight = match v {
            0 => {
                skipped += 1;
                continue;
            }
            x if x < -100 => break,
            x if x < 0 => 1,
            _ => 2,
        };
        pos += weight;
    }
    (pos, skipped)
}

fn first_even(values: &[u32]) -> u32 {
    for &v in values.iter() {
        if v % 2 == 0 {
            return v;
        }
    }
    u32::MAX
}

fn counter() -> u32 {
    static mut CALLS: u32 = 0;
    const STEP: u32 = 3;
    unsafe {
        CALLS += STEP;
        CALLS
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    showu("pick", pick(20) as u64);
    let (p, s) = classify(&[3, 0, -4, 0, 7, -500, 9]);
    showu("pos", p as u64);
    showu("skipped", s as u64);
    showu("first_even", first_even(&[3, 9, 14, 2]) as u64);
    showu("none_even", first_even(&[1, 3]) as u64);
    counter();
    counter();
    showu("counter", counter() as u64);
    let n = pick(250);
    showu("unreached", n as u64);
    done()
}
