// Iterators the subset has: slice iter and iter_mut, enumerate, rev on slice iterators,
// str bytes and chars (UTF-8 decoded), patterns in for loops.
#![no_std]
#![no_main]

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let mut values = [3u32, 1, 4, 1, 5, 9, 2, 6];
    let mut total = 0;
    for v in values.iter() {
        total += *v;
    }
    showu("total", total as u64);

    for v in values.iter_mut() {
        *v = *v * 2 + 1;
    }
    put_str("doubled:");
    for &v in values.iter() {
        put_byte(b' ');
        put_u64(v as u64);
    }
    nl();

    let mut weighted = 0;
    for (i, v) in values.iter().enumerate() {
        weighted += i as u32 * *v;
    }
    showu("weighted", weighted as u64);

    put_str("backwards:");
    for v in values.iter().rev() {
        put_byte(b' ');
        put_u64(*v as u64);
    }
    nl();

    for (i, v) in values.iter_mut().enumerate() {
        if i % 2 == 0 {
            *v = 0;
        }
    }
    put_str("zeroed:");
    for v in values.iter() {
        put_byte(b' ');
        put_u64(*v as u64);
    }
    nl();

    let text = "Grüße, 世界!";
    let mut bytes = 0;
    let mut high = 0;
    for b in text.bytes() {
        bytes += 1;
        if b >= 0x80 {
            high += 1;
        }
    }
    show("bytes", bytes);
    show("high", high);
    let mut chars = 0;
    let mut sum: u32 = 0;
    for c in text.chars() {
        chars += 1;
        sum += c as u32;
    }
    show("chars", chars);
    showu("codepoints", sum as u64);
    for (i, c) in "héllo".chars().enumerate() {
        put_u64(i as u64);
        put_byte(b':');
        put_u64(c as u64);
        put_byte(b' ');
    }
    nl();
    let pairs = [(1u8, 'x'), (2, 'y'), (3, 'z')];
    for &(n, c) in pairs.iter() {
        put_u64(n as u64);
        put_byte(c as u8);
    }
    nl();
    done()
}
