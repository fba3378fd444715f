// Structs with impl blocks: constructors (associated functions), &self, &mut self and self
// methods, associated consts, method chains, structs holding structs and arrays, copies
// versus mutation through &mut, field assignment, struct update syntax.
#![no_std]
#![no_main]

#[derive(Clone, Copy)]
struct Point {
    x: i32,
    y: i32,
}

impl Point {
    const ORIGIN: Point = Point { x: 0, y: 0 };
    const SCALE: i32 = 3;

    fn new(x: i32, y: i32) -> Point {
        Point { x, y }
    }

    fn manhattan(&self, other: &Point) -> u32 {
        (self.x - other.x).unsigned_abs() + (self.y - other.y).unsigned_abs()
    }

    fn shifted(self, dx: i32, dy: i32) -> Point {
        Point { x: self.x + dx, y: self.y + dy }
    }

    fn scale(&mut self) {
        self.x *= Self::SCALE;
        self.y *= Point::SCALE;
    }
}

struct Rect {
    top_left: Point,
    size: Point,
    tags: [u8; 4],
}

impl Rect {
    fn area(&self) -> i32 {
        self.size.x * self.size.y
    }

    fn contains(&self, p: Point) -> bool {
        p.x >= self.top_left.x && p.y >= self.top_left.y && p.x < self.top_left.x + self.size.x && p.y < self.top_left.y + self.size.y
    }

    fn grow(&mut self, by: i32) -> &mut Rect {
        self.size.x += by;
        self.size.y += by;
        self
    }
}

fn show_point(label: &str, p: Point) {
    put_str(label);
    put_str("=(");
    put_i64(p.x as i64);
    put_byte(b',');
    put_i64(p.y as i64);
    put_byte(b')');
    nl();
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let a = Point::new(3, -4);
    let b = a.shifted(10, 10);
    show_point("a", a);
    show_point("b", b);
    showu("dist", a.manhattan(&b) as u64);
    showu("from_origin", Point::ORIGIN.manhattan(&a) as u64);
    let mut c = b;
    c.scale();
    show_point("c", c);
    show_point("b_unchanged", b);
    c.x = -1;
    show_point("c2", c);
    let d = Point { y: 99, ..c };
    show_point("d", d);

    let mut r = Rect { top_left: Point::new(1, 1), size: Point::new(4, 3), tags: *b"rect" };
    show("area", r.area() as i64);
    showb("inside", r.contains(Point::new(4, 3)));
    showb("outside", r.contains(Point::new(5, 3)));
    r.grow(1).grow(2);
    show("area2", r.area() as i64);
    showb("now_inside", r.contains(Point::new(5, 3)));
    r.tags[0] = b'R';
    put_bytes(&r.tags);
    nl();
    let rp = &mut r;
    rp.top_left.x = 10;
    show("moved", r.top_left.x as i64);
    done()
}
