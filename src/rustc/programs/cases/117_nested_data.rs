// Nested data: structs of arrays of structs, updated and copied at several levels, a recursive
// function returning a tuple (Fibonacci by fast doubling), a struct returned from recursion.
#![no_std]
#![no_main]

#[derive(Clone, Copy)]
struct Item {
    weight: u16,
    value: u16,
}

#[derive(Clone, Copy)]
struct Room {
    items: [Item; 3],
    visited: bool,
}

struct World {
    rooms: [Room; 4],
    best: Item,
}

fn fib_pair(n: u32) -> (u64, u64) {
    if n == 0 {
        return (0, 1);
    }
    let (a, b) = fib_pair(n / 2);
    let c = a * (2 * b - a);
    let d = a * a + b * b;
    if n % 2 == 0 {
        (c, d)
    } else {
        (d, c + d)
    }
}

#[derive(Clone, Copy)]
struct Span {
    lo: u32,
    hi: u32,
}

fn widest(depth: u32, s: Span) -> Span {
    if depth == 0 {
        return s;
    }
    let left = widest(depth - 1, Span { lo: s.lo * 2, hi: s.hi * 2 + 1 });
    let right = widest(depth - 1, Span { lo: s.lo + 1, hi: s.hi + 3 });
    if left.hi - left.lo >= right.hi - right.lo {
        left
    } else {
        right
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let empty = Item { weight: 0, value: 0 };
    let mut world = World { rooms: [Room { items: [empty; 3], visited: false }; 4], best: empty };
    for r in 0..4 {
        for i in 0..3 {
            world.rooms[r].items[i] = Item { weight: (r * 3 + i) as u16 + 1, value: ((r * 7 + i * 5) % 11) as u16 };
        }
    }
    world.rooms[2].visited = true;
    let copy = world.rooms[2];
    world.rooms[2].items[0].value = 99;
    for room in world.rooms.iter() {
        for it in room.items.iter() {
            if it.value * 10 / it.weight > world.best.value * 10 / world.best.weight.max(1) {
                world.best = *it;
            }
        }
    }
    showu("best_w", world.best.weight as u64);
    showu("best_v", world.best.value as u64);
    showu("copy_v", copy.items[0].value as u64);
    showb("copy_visited", copy.visited);
    let (f, g) = fib_pair(50);
    showu("fib50", f);
    showu("fib51", g);
    let s = widest(6, Span { lo: 1, hi: 2 });
    showu("lo", s.lo as u64);
    showu("hi", s.hi as u64);
    done()
}
