// Recursion: Fibonacci (naive and with an accumulator), Ackermann for small arguments, gcd,
// factorial in u64, the Tower of Hanoi with a static mut move counter, mutual recursion.
#![no_std]
#![no_main]

fn fib(n: u32) -> u64 {
    if n < 2 {
        n as u64
    } else {
        fib(n - 1) + fib(n - 2)
    }
}

fn fib_acc(n: u32, a: u64, b: u64) -> u64 {
    if n == 0 {
        a
    } else {
        fib_acc(n - 1, b, a + b)
    }
}

fn ackermann(m: u64, n: u64) -> u64 {
    if m == 0 {
        n + 1
    } else if n == 0 {
        ackermann(m - 1, 1)
    } else {
        ackermann(m - 1, ackermann(m, n - 1))
    }
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

fn factorial(n: u64) -> u64 {
    match n {
        0 | 1 => 1,
        _ => n * factorial(n - 1),
    }
}

static mut MOVES: u32 = 0;

fn hanoi(n: u32, from: u8, to: u8, via: u8) {
    if n == 0 {
        return;
    }
    hanoi(n - 1, from, via, to);
    unsafe {
        MOVES += 1;
    }
    if n == 6 {
        put_byte(from);
        put_str("->");
        put_byte(to);
        nl();
    }
    hanoi(n - 1, via, to, from);
}

fn is_even(n: u32) -> bool {
    if n == 0 {
        true
    } else {
        is_odd(n - 1)
    }
}

fn is_odd(n: u32) -> bool {
    if n == 0 {
        false
    } else {
        is_even(n - 1)
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    showu("fib20", fib(20));
    showu("fib90", fib_acc(90, 0, 1));
    showu("ack(2,3)", ackermann(2, 3));
    showu("ack(3,3)", ackermann(3, 3));
    showu("gcd", gcd(1_071_000_000, 462_000_000));
    showu("20!", factorial(20));
    hanoi(6, b'A', b'C', b'B');
    showu("moves", unsafe { MOVES } as u64);
    showb("even77", is_even(77));
    showb("odd77", is_odd(77));
    done()
}
