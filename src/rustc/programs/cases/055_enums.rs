// C-like enums: #[repr(u8)] with explicit discriminants, casts to integers, derives
// (Clone, Copy, PartialEq), comparison, match with or-patterns, methods on enums, enums in structs
// and arrays, a default-repr enum whose discriminants count from a negative start.
#![no_std]
#![no_main]

#[allow(dead_code)]
#[derive(Clone, Copy, PartialEq)]
#[repr(u8)]
enum Color {
    Black = 0,
    Blue = 1,
    Green = 2,
    Cyan = 3,
    Red = 4,
    Magenta = 5,
    Brown = 6,
    LightGray = 7,
    DarkGray = 8,
    LightBlue = 9,
    LightGreen = 10,
    LightCyan = 11,
    LightRed = 12,
    Pink = 13,
    Yellow = 14,
    White = 15,
}

#[derive(Clone, Copy, PartialEq)]
enum Direction {
    North = -2,
    East,
    South,
    West,
}

impl Direction {
    fn turn_right(self) -> Direction {
        match self {
            Direction::North => Direction::East,
            Direction::East => Direction::South,
            Direction::South => Direction::West,
            Direction::West => Direction::North,
        }
    }

    fn is_vertical(&self) -> bool {
        matches_vertical(*self)
    }
}

fn matches_vertical(d: Direction) -> bool {
    match d {
        Direction::North | Direction::South => true,
        _ => false,
    }
}

impl Color {
    fn attribute(self, background: Color) -> u8 {
        (background as u8) << 4 | (self as u8)
    }
}

#[derive(Clone, Copy)]
struct Cell {
    ch: u8,
    fg: Color,
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let palette = [Color::Red, Color::Green, Color::LightCyan, Color::Yellow, Color::White];
    for c in palette.iter() {
        showu("color", *c as u8 as u64);
    }
    showx("attr", Color::Yellow.attribute(Color::Blue) as u64, 2);
    showb("eq", palette[0] == Color::Red);
    showb("ne", palette[1] != Color::Green);
    let mut d = Direction::North;
    put_str("dirs:");
    for _ in 0..6 {
        put_byte(b' ');
        put_i64(d as i64);
        put_byte(if d.is_vertical() { b'v' } else { b'h' });
        d = d.turn_right();
    }
    nl();
    showb("south", d == Direction::South);
    let cells = [Cell { ch: b'O', fg: Color::LightGreen }, Cell { ch: b'K', fg: Color::Pink }];
    for cell in cells.iter() {
        set_color(cell.fg.attribute(Color::Black));
        put_byte(cell.ch);
    }
    set_color(0x07);
    nl();
    showu("size", core::mem::size_of::<Color>() as u64);
    showu("as_i32", Direction::West as i32 as u64);
    done()
}
