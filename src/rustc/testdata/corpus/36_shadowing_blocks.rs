fn shadow() -> i32 {
    let x = 5;
    let x = x + 1;
    let x = {
        let y = x * 2;
        y - 1
    };
    let s = "text";
    let s = s.len();
    let z = if x > 3 { 1 } else if x < 0 { -1 } else { 0 };
    let w = match z { 1 => { 10 } _ => 20 };
    x + s as i32 + z + w
}
