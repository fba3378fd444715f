// Big numbers with u128 and arrays: Fibonacci up to F(186) in u128, 2^200 as decimal with a
// base-10^9 array, and 30! exactly, multiplying limb by limb.
#![no_std]
#![no_main]

fn print_limbs(limbs: &[u32], used: usize) {
    let mut i = used;
    let mut first = true;
    while i > 0 {
        i -= 1;
        let v = limbs[i];
        if first {
            put_u64(v as u64);
            first = false;
        } else {
            let mut div = 100_000_000;
            while div > 0 {
                put_byte(b'0' + ((v / div) % 10) as u8);
                div /= 10;
            }
        }
    }
    nl();
}

fn mul_small(limbs: &mut [u32; 8], used: usize, m: u32) -> usize {
    let mut carry: u64 = 0;
    for i in 0..used {
        let v = limbs[i] as u64 * m as u64 + carry;
        limbs[i] = (v % 1_000_000_000) as u32;
        carry = v / 1_000_000_000;
    }
    let mut n = used;
    while carry > 0 {
        limbs[n] = (carry % 1_000_000_000) as u32;
        carry /= 1_000_000_000;
        n += 1;
    }
    n
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut a: u128 = 0;
    let mut b: u128 = 1;
    for _ in 0..185 {
        let c = a + b;
        a = b;
        b = c;
    }
    put_str("F186=");
    put_u128(b);
    nl();
    let mut limbs = [0u32; 8];
    limbs[0] = 1;
    let mut used = 1;
    for _ in 0..20 {
        used = mul_small(&mut limbs, used, 1024);
    }
    put_str("2^200=");
    print_limbs(&limbs, used);
    let mut f = [0u32; 8];
    f[0] = 1;
    let mut fu = 1;
    for k in 2..=30 {
        fu = mul_small(&mut f, fu, k);
    }
    put_str("30!=");
    print_limbs(&f, fu);
    done()
}
