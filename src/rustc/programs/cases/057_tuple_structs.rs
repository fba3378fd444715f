// Tuple structs and unit structs: newtypes with methods, .0/.1 fields, destructuring
// in let and in parameters, a unit struct with an associated const.
#![no_std]
#![no_main]

#[derive(Clone, Copy)]
struct Meters(u32);

#[derive(Clone, Copy)]
struct Rgb(u8, u8, u8);

struct Marker;

impl Marker {
    const TAG: &'static str = "marker";
}

impl Meters {
    fn add(self, other: Meters) -> Meters {
        Meters(self.0 + other.0)
    }
}

impl Rgb {
    fn gray(self) -> u8 {
        ((self.0 as u16 + self.1 as u16 + self.2 as u16) / 3) as u8
    }

    fn invert(&mut self) {
        self.0 = 255 - self.0;
        self.1 = 255 - self.1;
        self.2 = 255 - self.2;
    }
}

fn sum_parts(Rgb(r, g, b): Rgb) -> u32 {
    r as u32 + g as u32 + b as u32
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let total = Meters(120).add(Meters(80)).add(Meters(7));
    showu("meters", total.0 as u64);
    let mut c = Rgb(10, 200, 30);
    showu("gray", c.gray() as u64);
    c.invert();
    let Rgb(r, g, b) = c;
    showu("r", r as u64);
    showu("g", g as u64);
    showu("b", b as u64);
    showu("sum", sum_parts(c) as u64);
    let _m = Marker;
    put_str(Marker::TAG);
    nl();
    let pair = (Meters(1), Rgb(1, 2, 3));
    showu("pair", (pair.0 .0 + (pair.1).2 as u32) as u64);
    done()
}
