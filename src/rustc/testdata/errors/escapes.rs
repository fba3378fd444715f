fn _f() {
    let _a = "\q";
    let _b = '\x8f';
    let _c = "\u{110000}";
    let _d = "\x4";
    let _e = '';
    let _g = 'ab';
    let _h = b"é";
    let _i = "\u{12345678}";
    let _j = "\u12";
    let _k = 1xyz;
    let _l = 0x;
    let _m = b'\u{41}';
    let _n = "\u{zz}";
    let _o = foo"bar";
    let _p = '\n;
}
