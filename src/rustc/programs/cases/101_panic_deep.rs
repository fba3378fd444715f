// A panic raised deep in a recursion (an index out of bounds at depth 40) reaches the panic
// handler in both builds; what was printed on the way down stays on the screen.
#![no_std]
#![no_main]

fn descend(depth: usize, path: &[u8; 8]) -> u32 {
    if depth % 10 == 0 {
        put_u64(depth as u64);
        put_byte(b' ');
    }
    if depth == 40 {
        return path[depth / 4] as u32;
    }
    descend(depth + 1, path) + 1
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let path = *b"abcdefgh";
    let r = descend(0, &path);
    nl();
    showu("r", r as u64);
    done()
}
