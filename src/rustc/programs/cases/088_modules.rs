// Inline modules: pub functions, structs and consts in modules, `use` of module items,
// `self::`, `super::` and `crate::` paths, a nested module, a private helper used only inside.
#![no_std]
#![no_main]

mod geometry {
    pub const UNIT: u32 = 10;

    pub struct Square {
        pub side: u32,
    }

    impl Square {
        pub fn area(&self) -> u32 {
            self::helpers::square(self.side)
        }

        pub fn perimeter(&self) -> u32 {
            4 * self.side
        }
    }

    pub mod helpers {
        pub fn square(x: u32) -> u32 {
            x * x
        }

        pub fn scaled(x: u32) -> u32 {
            x * super::UNIT
        }
    }

    pub fn describe(s: &Square) -> u32 {
        crate::geometry::helpers::scaled(s.side) + private_bonus()
    }

    fn private_bonus() -> u32 {
        1
    }
}

mod report {
    pub fn line(label: &str, v: u32) {
        crate::showu(label, v as u64);
    }
}

use geometry::helpers::scaled;
use geometry::Square;

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let s = Square { side: 7 };
    report::line("area", s.area());
    report::line("perimeter", s.perimeter());
    report::line("scaled", scaled(3));
    report::line("describe", geometry::describe(&s));
    report::line("unit", geometry::UNIT);
    report::line("square", geometry::helpers::square(12));
    done()
}
