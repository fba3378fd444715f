// #[derive(Clone, Copy, PartialEq)] on structs and enums: .clone(), == and != between structs
// (field by field), copies that stay independent, arrays of derived structs compared.
#![no_std]
#![no_main]

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Wall,
    Floor,
}

#[derive(Clone, Copy, PartialEq)]
struct Tile {
    kind: Kind,
    height: i8,
}

#[derive(Clone, Copy, PartialEq)]
struct Pos(u16, u16);

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let a = Tile { kind: Kind::Wall, height: 3 };
    let mut b = a.clone();
    showb("clone_eq", a == b);
    b.height = -3;
    showb("after_change", a == b);
    showb("ne", a != b);
    let c = b;
    b.kind = Kind::Floor;
    showb("copy_independent", c.kind == Kind::Wall && b.kind == Kind::Floor);
    let p = Pos(3, 4);
    let q = p.clone();
    showb("pos_eq", p == q);
    showb("pos_ne", p == Pos(4, 3));
    let row = [a, b, c];
    let row2 = row;
    let mut same = 0;
    for i in 0..3 {
        if row[i] == row2[i] {
            same += 1;
        }
    }
    show("same", same);
    showb("kind_clone", Kind::Floor.clone() == Kind::Floor);
    done()
}
