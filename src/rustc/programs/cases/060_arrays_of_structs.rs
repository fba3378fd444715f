// Arrays of structs: a small inventory table searched, updated through &mut, totalled and
// sorted by a key; array repeat expressions of structs; arrays copied by value.
#![no_std]
#![no_main]

#[derive(Clone, Copy)]
struct Item {
    id: u16,
    qty: u32,
    price: u32,
}

fn total_value(items: &[Item]) -> u64 {
    let mut sum: u64 = 0;
    for it in items.iter() {
        sum += it.qty as u64 * it.price as u64;
    }
    sum
}

fn find(items: &[Item], id: u16) -> usize {
    for (i, it) in items.iter().enumerate() {
        if it.id == id {
            return i;
        }
    }
    items.len()
}

fn restock(items: &mut [Item], min: u32) -> u32 {
    let mut changed = 0;
    for it in items.iter_mut() {
        if it.qty < min {
            it.qty = min;
            changed += 1;
        }
    }
    changed
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut stock = [Item { id: 0, qty: 0, price: 0 }; 6];
    let mut i = 0;
    while i < stock.len() {
        stock[i] = Item { id: (i as u16 + 1) * 11, qty: (i as u32 * 7) % 5, price: 100 + i as u32 * 25 };
        i += 1;
    }
    showu("value", total_value(&stock));
    showu("find33", find(&stock, 33) as u64);
    showu("find99", find(&stock, 99) as u64);
    let snapshot = stock;
    showu("restocked", restock(&mut stock, 3) as u64);
    showu("value_after", total_value(&stock));
    showu("snapshot_value", total_value(&snapshot));
    let mut a = 0;
    while a < stock.len() {
        let mut b = a + 1;
        while b < stock.len() {
            if stock[b].qty * stock[b].price > stock[a].qty * stock[a].price {
                let t = stock[a];
                stock[a] = stock[b];
                stock[b] = t;
            }
            b += 1;
        }
        a += 1;
    }
    put_str("by value:");
    for it in stock.iter() {
        put_byte(b' ');
        put_u64(it.id as u64);
    }
    nl();
    stock[2].price += 1;
    showu("p2", stock[2].price as u64);
    done()
}
