#![no_std]
// `&mut p.left` leaves `p.right` free to borrow; a borrow of all of `p` still conflicts.
pub struct Pair { left: u32, right: u32 }
pub fn f() -> u32 {
    let mut p = Pair { left: 1, right: 2 };
    let l = &mut p.left;
    let rr = &p.right;
    *l += *rr;
    let m = &mut p.left;
    let all = &p;
    *m += all.right;
    p.left
}
