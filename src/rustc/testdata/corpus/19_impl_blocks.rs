#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Vec2 {
    pub x: i32,
    pub y: i32,
}

impl Vec2 {
    pub const ZERO: Vec2 = Vec2 { x: 0, y: 0 };

    pub fn new(x: i32, y: i32) -> Self {
        Self { x, y }
    }

    pub fn len2(self) -> i32 {
        self.x * self.x + self.y * self.y
    }

    pub fn scale(&mut self, k: i32) -> &mut Self {
        self.x *= k;
        self.y *= k;
        self
    }

    fn with_x(mut self, x: i32) -> Self {
        self.x = x;
        self
    }

    fn boxed(self: &Self) -> i32 {
        self.x
    }
}

impl core::ops::Add for Vec2 {
    type Output = Vec2;
    fn add(self, o: Vec2) -> Vec2 {
        Vec2 { x: self.x + o.x, ..self }
    }
}

impl<'a> From<&'a Vec2> for (i32, i32) {
    fn from(v: &'a Vec2) -> Self {
        (v.x, v.y)
    }
}
