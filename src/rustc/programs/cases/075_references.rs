// References: &mut parameters, swapping through two &mut, returning references into arrays,
// reborrowing, references to references, explicit and automatic dereference on method calls
// and fields.
#![no_std]
#![no_main]

struct Counter {
    value: u32,
}

impl Counter {
    fn add(&mut self, n: u32) {
        self.value += n;
    }

    fn get(&self) -> u32 {
        self.value
    }
}

fn swap(a: &mut i32, b: &mut i32) {
    let t = *a;
    *a = *b;
    *b = t;
}

fn largest(values: &[u16]) -> &u16 {
    let mut best = &values[0];
    for v in values.iter() {
        if *v > *best {
            best = v;
        }
    }
    best
}

fn slot(values: &mut [u16; 4], i: usize) -> &mut u16 {
    &mut values[i]
}

fn twice(c: &mut Counter) {
    c.add(1);
    c.add(1);
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut a = 1;
    let mut b = 2;
    swap(&mut a, &mut b);
    show("a", a as i64);
    show("b", b as i64);
    let mut values = [3u16, 99, 7, 42];
    showu("largest", *largest(&values) as u64);
    *slot(&mut values, 2) += 100;
    showu("slot", values[2] as u64);
    let mut c = Counter { value: 0 };
    let r = &mut c;
    r.add(5);
    twice(r);
    (*r).add(10);
    showu("counter", c.get() as u64);
    let rr = &&c;
    showu("double_ref", rr.get() as u64);
    showu("double_ref_field", (**rr).value as u64);
    let x = 7u8;
    let rx = &x;
    let rrx = &rx;
    showu("deref2", (**rrx + *rx) as u64);
    let mut arr = [1u8, 2, 3];
    {
        let first = &mut arr[0];
        *first = 10;
    }
    let total: u32 = arr[0] as u32 + arr[1] as u32 + arr[2] as u32;
    showu("total", total as u64);
    done()
}
