macro_rules! square {
    ($x:expr) => {
        $x * $x
    };
}

macro_rules! make_struct {
    ($name:ident { $($field:ident : $ty:ty),* $(,)? }) => {
        struct $name { $($field: $ty),* }
    };
}

make_struct!(Point { x: i32, y: i32 });

macro_rules! nothing {
    () => {};
}

nothing!();
nothing! {}

fn uses() -> i32 {
    let v = [1, 2, 3];
    let _s = include_str!("17_macros.rs");
    assert_eq!(v.len(), 3, "length was {}", v.len());
    debug_assert!(true);
    let p = Point { x: 1, y: 2 };
    if p.x > 5 {
        panic!("too big: {}", p.x);
    }
    unreachable_or_not!{ a b c }
    square!(p.y) + matches!(p.x, 1 | 2) as i32
}
