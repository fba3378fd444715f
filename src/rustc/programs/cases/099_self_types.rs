// `Self` in impl blocks: constructors returning Self, Self { .. } literals, Self::CONST,
// Self(..) for tuple structs, methods taking and returning Self by value, two impl blocks for
// one type, methods on enums returning Self.
#![no_std]
#![no_main]

#[derive(Clone, Copy)]
struct Vec2 {
    x: i32,
    y: i32,
}

impl Vec2 {
    const ZERO: Self = Self { x: 0, y: 0 };

    fn new(x: i32, y: i32) -> Self {
        Self { x, y }
    }

    fn add(self, o: Self) -> Self {
        Self::new(self.x + o.x, self.y + o.y)
    }
}

impl Vec2 {
    fn scaled(&self, k: i32) -> Self {
        Self { x: self.x * k, ..*self }
    }

    fn dot(&self, o: &Self) -> i64 {
        self.x as i64 * o.x as i64 + self.y as i64 * o.y as i64
    }
}

#[derive(Clone, Copy)]
struct Celsius(i32);

impl Celsius {
    fn warmer(self, by: i32) -> Self {
        Self(self.0 + by)
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Dir {
    Up,
    Down,
}

impl Dir {
    fn flip(self) -> Self {
        match self {
            Self::Up => Self::Down,
            Self::Down => Self::Up,
        }
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let v = Vec2::new(3, -2).add(Vec2::new(1, 1)).add(Vec2::ZERO);
    show("vx", v.x as i64);
    show("vy", v.y as i64);
    let s = v.scaled(5);
    show("sx", s.x as i64);
    show("sy", s.y as i64);
    show("dot", v.dot(&s));
    show("celsius", Celsius(20).warmer(-25).0 as i64);
    showb("flip", Dir::Up.flip() == Dir::Down && Dir::Down.flip().flip() == Dir::Down);
    done()
}
