// A singly linked list kept in arrays with indices as links: insertion in sorted order, removal,
// traversal, reversal, and a free list reusing removed slots.
#![no_std]
#![no_main]

const NIL: usize = usize::MAX;
const CAP: usize = 16;

struct List {
    value: [i32; CAP],
    next: [usize; CAP],
    head: usize,
    free: usize,
}

impl List {
    fn new() -> List {
        let mut next = [NIL; CAP];
        for i in 0..CAP - 1 {
            next[i] = i + 1;
        }
        List { value: [0; CAP], next, head: NIL, free: 0 }
    }

    fn insert_sorted(&mut self, v: i32) {
        let slot = self.free;
        self.free = self.next[slot];
        self.value[slot] = v;
        if self.head == NIL || self.value[self.head] >= v {
            self.next[slot] = self.head;
            self.head = slot;
            return;
        }
        let mut at = self.head;
        while self.next[at] != NIL && self.value[self.next[at]] < v {
            at = self.next[at];
        }
        self.next[slot] = self.next[at];
        self.next[at] = slot;
    }

    fn remove(&mut self, v: i32) -> bool {
        let mut prev = NIL;
        let mut at = self.head;
        while at != NIL {
            if self.value[at] == v {
                if prev == NIL {
                    self.head = self.next[at];
                } else {
                    self.next[prev] = self.next[at];
                }
                self.next[at] = self.free;
                self.free = at;
                return true;
            }
            prev = at;
            at = self.next[at];
        }
        false
    }

    fn reverse(&mut self) {
        let mut prev = NIL;
        let mut at = self.head;
        while at != NIL {
            let n = self.next[at];
            self.next[at] = prev;
            prev = at;
            at = n;
        }
        self.head = prev;
    }

    fn print(&self) {
        let mut at = self.head;
        put_str("list:");
        while at != NIL {
            put_byte(b' ');
            put_i64(self.value[at] as i64);
            at = self.next[at];
        }
        nl();
    }
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut l = List::new();
    for &v in [5, -3, 12, 7, 0, 7, 100, -50].iter() {
        l.insert_sorted(v);
    }
    l.print();
    showb("removed_7", l.remove(7));
    showb("removed_99", l.remove(99));
    showb("removed_-50", l.remove(-50));
    l.print();
    l.insert_sorted(6);
    l.insert_sorted(-100);
    l.print();
    l.reverse();
    l.print();
    showu("free_slot", l.free as u64);
    done()
}
