// A ring buffer struct with a fixed array: push until full, pop, wrap-around of the indices,
// peeking, and a running average over a sliding window.
#![no_std]
#![no_main]

const CAP: usize = 8;

struct Ring {
    data: [i32; CAP],
    head: usize,
    len: usize,
}

impl Ring {
    fn new() -> Ring {
        Ring { data: [0; CAP], head: 0, len: 0 }
    }

    fn push(&mut self, v: i32) -> bool {
        if self.len == CAP {
            return false;
        }
        self.data[(self.head + self.len) % CAP] = v;
        self.len += 1;
        true
    }

    fn pop(&mut self) -> i32 {
        if self.len == 0 {
            return i32::MIN;
        }
        let v = self.data[self.head];
        self.head = (self.head + 1) % CAP;
        self.len -= 1;
        v
    }

    fn peek(&self, i: usize) -> i32 {
        self.data[(self.head + i) % CAP]
    }

    fn sum(&self) -> i64 {
        let mut s = 0i64;
        for i in 0..self.len {
            s += self.peek(i) as i64;
        }
        s
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut r = Ring::new();
    let mut accepted = 0;
    for i in 0..10 {
        if r.push(i * i) {
            accepted += 1;
        }
    }
    show("accepted", accepted);
    show("pop1", r.pop() as i64);
    show("pop2", r.pop() as i64);
    r.push(-1);
    r.push(-2);
    showb("full", !r.push(-3));
    put_str("contents:");
    for i in 0..r.len {
        put_byte(b' ');
        put_i64(r.peek(i) as i64);
    }
    nl();
    show("sum", r.sum());
    let mut window = Ring::new();
    put_str("averages:");
    for i in 0..20 {
        if window.len == 4 {
            window.pop();
        }
        window.push(i * 3 % 11);
        put_byte(b' ');
        put_i64(window.sum() / window.len as i64);
    }
    nl();
    while r.len > 0 {
        r.pop();
    }
    show("empty_pop", r.pop() as i64);
    showu("head", r.head as u64);
    done()
}
