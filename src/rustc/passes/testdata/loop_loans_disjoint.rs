#![no_std]
// A `for` loop's iterator keeps a borrow only when it holds references: a range built from
// `a.len()` keeps none, and a borrow of one field leaves the other fields free.
pub struct W { items: [u8; 4], best: u8 }

pub fn doubled(mut arr: [u8; 4]) -> [u8; 4] {
    for i in 0..arr.len() {
        arr[i] *= 2;
    }
    arr
}

pub fn best(mut w: W) -> u8 {
    for it in w.items.iter() {
        if *it > w.best { w.best = *it; }
    }
    for (i, _) in w.items.iter().enumerate() {
        w.best += i as u8;
    }
    w.best
}

pub fn conflicts(mut w: W) -> u8 {
    for it in w.items.iter() {
        w.items[1] = *it;
    }
    for _ in w.items.iter() {
        w = W { items: [0; 4], best: 0 };
    }
    w.best
}
