// Aggregates larger than a few words: a 256-byte struct copied, passed by value, returned,
// stored into arrays (the compilers call memcpy for these), zero-filled arrays (memset).
#![no_std]
#![no_main]

#[derive(Clone, Copy)]
struct Block {
    words: [u64; 32],
    tag: u8,
}

fn make(tag: u8) -> Block {
    let mut b = Block { words: [0; 32], tag };
    for i in 0..32 {
        b.words[i] = (i as u64 + 1) * tag as u64;
    }
    b
}

fn checksum(b: Block) -> u64 {
    let mut s = b.tag as u64;
    for w in b.words.iter() {
        s = s.rotate_left(3) ^ *w;
    }
    s
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let a = make(3);
    let mut b = a;
    b.words[31] = 0;
    showx("a", checksum(a), 16);
    showx("b", checksum(b), 16);
    let mut shelf = [make(0); 3];
    shelf[1] = a;
    shelf[2] = make(7);
    let mut total = 0u64;
    for blk in shelf.iter() {
        total = total.wrapping_add(checksum(*blk));
    }
    showx("total", total, 16);
    let zeros = [0u8; 300];
    let mut nonzero = 0;
    for z in zeros.iter() {
        if *z != 0 {
            nonzero += 1;
        }
    }
    show("nonzero", nonzero);
    let big = [0x5au8; 200];
    let copy = big;
    showu("copy_last", copy[199] as u64);
    done()
}
