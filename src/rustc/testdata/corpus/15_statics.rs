use core::sync::atomic::{AtomicUsize, Ordering};

static COUNTER: AtomicUsize = AtomicUsize::new(0);
static mut BUFFER: [u8; 16] = [0; 16];
pub static GREETING: &str = "hi";
const LIMIT: usize = 16 * 2 - 1;
const _: () = assert!(LIMIT > 0);
const TABLE: [u16; 4] = [1, 2, 4, 8];

fn bump() -> usize {
    COUNTER.fetch_add(1, Ordering::SeqCst)
}

unsafe fn fill(v: u8) {
    for i in 0..BUFFER.len() {
        BUFFER[i] = v;
    }
    let p = &raw mut BUFFER;
    (*p)[0] = TABLE[3] as u8;
}
