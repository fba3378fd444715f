// Borrows that rustc accepts: non-lexical lifetimes (a borrow ends at its last use), disjoint
// field borrows, two-phase borrows (`c.add(c.get())`), re-pointing a &mut, moving a non-Copy
// struct and assigning the variable again, borrowing in a loop body.
#![no_std]
#![no_main]

struct Counter {
    n: u32,
}

impl Counter {
    fn get(&self) -> u32 {
        self.n
    }

    fn add(&mut self, k: u32) {
        self.n += k;
    }
}

struct Pair {
    left: u32,
    right: u32,
}

struct Token {
    id: u32,
}

fn consume(t: Token) -> u32 {
    t.id * 2
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut arr = [1u32, 2, 3, 4];
    let r = &mut arr[0];
    *r += 10;
    arr[1] += 20;
    showu("nll", (arr[0] + arr[1]) as u64);

    let mut p = Pair { left: 1, right: 2 };
    let l = &mut p.left;
    let rr = &p.right;
    *l += *rr;
    showu("disjoint", p.left as u64);

    let mut c = Counter { n: 5 };
    c.add(c.get());
    c.add(c.n);
    showu("two_phase", c.get() as u64);

    let mut cur = &mut arr[2];
    *cur += 100;
    cur = &mut arr[3];
    *cur += 1000;
    showu("repoint", (arr[2] + arr[3]) as u64);

    let mut t = Token { id: 7 };
    let first = consume(t);
    t = Token { id: 9 };
    let second = consume(t);
    showu("moved", (first + second) as u64);

    let mut total = 0;
    for i in 0..arr.len() {
        let slot = &mut arr[i];
        *slot *= 2;
        total += *slot;
    }
    showu("total", total as u64);
    done()
}
