#[derive(Clone, Copy)]
enum Shape {
    Circle { r: u32 },
    Rect(u32, u32),
    Empty,
}

fn classify(s: Shape) -> u32 {
    match s {
        Shape::Circle { r } if r > 10 => r * 3,
        Shape::Circle { r: radius } => radius,
        Shape::Rect(w, h) | Shape::Rect(h, w) if w == h => w,
        Shape::Rect(w, ..) => w,
        Shape::Empty => 0,
    }
}

fn ranges(x: i32) -> &'static str {
    match x {
        i32::MIN..=-1 => "negative",
        0 => "zero",
        1..=9 => "digit",
        10..100 => "two digits",
        n @ 100..=999 if n % 2 == 0 => "even hundreds",
        _ => "big",
    }
}

fn slices(v: &[u8]) -> u8 {
    match v {
        [] => 0,
        [one] => *one,
        [first, .., last] => first + last,
    }
}

fn bindings(pair: &(u8, u8), opt: Option<&mut u32>) {
    let &(a, ref b) = pair;
    let (ref mut c, _) = (1, 2);
    *c += a + *b;
    if let Some(v) = opt {
        *v += 1;
    }
    let [x, y, rest @ ..] = [1, 2, 3, 4];
    let _ = (x, y, rest);
}
