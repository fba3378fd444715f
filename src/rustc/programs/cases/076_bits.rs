// Bit manipulation by hand: population count, bit reversal, Gray code round trips, isolating
// and clearing the lowest set bit, a 128-bit bitset with set/test/clear, parity.
#![no_std]
#![no_main]

fn popcount(mut x: u64) -> u32 {
    let mut n = 0;
    while x != 0 {
        x &= x - 1;
        n += 1;
    }
    n
}

fn reverse_bits(mut x: u32) -> u32 {
    let mut r = 0;
    for _ in 0..32 {
        r = (r << 1) | (x & 1);
        x >>= 1;
    }
    r
}

fn gray(n: u16) -> u16 {
    n ^ (n >> 1)
}

fn from_gray(mut g: u16) -> u16 {
    let mut n = g;
    while g != 0 {
        g >>= 1;
        n ^= g;
    }
    n
}

struct BitSet {
    words: [u64; 2],
}

impl BitSet {
    fn set(&mut self, i: usize) {
        self.words[i / 64] |= 1 << (i % 64);
    }

    fn clear(&mut self, i: usize) {
        self.words[i / 64] &= !(1u64 << (i % 64));
    }

    fn test(&self, i: usize) -> bool {
        self.words[i / 64] & (1 << (i % 64)) != 0
    }

    fn count(&self) -> u32 {
        popcount(self.words[0]) + popcount(self.words[1])
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    showu("popcount", popcount(0xf0f0_1234_8000_0001) as u64);
    showb("agrees", popcount(0xf0f0_1234_8000_0001) == 0xf0f0_1234_8000_0001u64.count_ones());
    showx("reverse", reverse_bits(0x0000_00f1) as u64, 8);
    let mut ok = true;
    for n in 0..1024u16 {
        if from_gray(gray(n)) != n || popcount((gray(n) ^ gray(n + 1)) as u64) != 1 {
            ok = false;
        }
    }
    showb("gray_ok", ok);
    let x = 0b1011_0100u8;
    showu("lowest", (x & x.wrapping_neg()) as u64);
    showu("cleared", (x & (x - 1)) as u64);
    let mut set = BitSet { words: [0; 2] };
    for i in (0..128).step_by(5) {
        set.set(i);
    }
    set.clear(10);
    set.clear(11);
    showu("count", set.count() as u64);
    showb("t5", set.test(5));
    showb("t10", set.test(10));
    showb("t125", set.test(125));
    showx("w1", set.words[1], 16);
    let mut parity = 0u8;
    let mut v = 0x1234_5678u32;
    while v != 0 {
        parity ^= (v & 1) as u8;
        v >>= 1;
    }
    showu("parity", parity as u64);
    done()
}
