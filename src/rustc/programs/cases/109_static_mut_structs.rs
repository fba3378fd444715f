// A static mut array of structs used as a little process table: allocation by scanning for a
// free slot, updates through indexing the static, a static mut index, totals read back.
#![no_std]
#![no_main]

#[derive(Clone, Copy)]
struct Task {
    id: u16,
    used: bool,
    ticks: u32,
}

const EMPTY: Task = Task { id: 0, used: false, ticks: 0 };
static mut TASKS: [Task; 8] = [EMPTY; 8];
static mut NEXT_ID: u16 = 100;

fn spawn() -> usize {
    unsafe {
        for i in 0..8 {
            if !TASKS[i].used {
                TASKS[i].used = true;
                TASKS[i].id = NEXT_ID;
                TASKS[i].ticks = 0;
                NEXT_ID += 1;
                return i;
            }
        }
    }
    usize::MAX
}

fn kill(slot: usize) {
    unsafe {
        TASKS[slot].used = false;
    }
}

fn run(rounds: u32) {
    for r in 0..rounds {
        unsafe {
            for i in 0..8 {
                if TASKS[i].used && (r + i as u32) % 3 != 0 {
                    TASKS[i].ticks += 1;
                }
            }
        }
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let a = spawn();
    let b = spawn();
    let c = spawn();
    run(5);
    kill(b);
    let d = spawn();
    run(4);
    showu("a", a as u64);
    showu("c", c as u64);
    showu("d", d as u64);
    put_str("table:");
    unsafe {
        for i in 0..8 {
            if TASKS[i].used {
                put_byte(b' ');
                put_u64(TASKS[i].id as u64);
                put_byte(b':');
                put_u64(TASKS[i].ticks as u64);
            }
        }
    }
    nl();
    showu("next", unsafe { NEXT_ID } as u64);
    done()
}
