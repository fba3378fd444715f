pub trait Shape {
    const SIDES: u32;
    type Unit;
    fn area(&self) -> f64;
    fn name(&self) -> &'static str {
        "shape"
    }
}

pub trait Named: Shape + Sized {}

struct Square(f64);

impl Shape for Square {
    const SIDES: u32 = 4;
    type Unit = f64;
    fn area(&self) -> f64 {
        self.0 * self.0
    }
}

impl Named for Square {}

fn total<S: Shape + ?Sized>(shapes: &[&S]) -> f64 {
    shapes.iter().map(|s| s.area()).sum()
}

fn boxed(s: &dyn Shape<Unit = f64>) -> f64 {
    s.area()
}

fn make() -> impl Shape<Unit = f64> {
    Square(2.0)
}

unsafe trait Zeroable {}
unsafe impl Zeroable for u8 {}
