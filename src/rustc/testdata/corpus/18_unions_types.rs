#[repr(C)]
union IntOrFloat {
    i: u32,
    f: f32,
}

type Pair<T> = (T, T);
type Handler = fn(u8) -> !;
type Nested = [[Option<&'static [u8]>; 2]; 3];

fn read(u: IntOrFloat) -> u32 {
    unsafe { u.i }
}

fn tuples() -> Pair<u8> {
    let t: (u8, (u16, u32), ()) = (1, (2, 3), ());
    let single: (u8,) = (5,);
    let x = t.1.1 as u8 + t.0 + single.0;
    (x, t.1.0 as u8)
}

fn pointers(p: *const u8, q: *mut *mut u16) -> usize {
    let r: &&u8 = &&0;
    let _n: Option<Nested> = None;
    p as usize + q as usize + **r as usize
}
