extern "C" {
    fn memcpy(dest: *mut u8, src: *const u8, n: usize) -> *mut u8;
    static errno: i32;
    fn printf(fmt: *const u8, ...) -> i32;
}

unsafe extern "C" {
    pub safe fn abs(x: i32) -> i32;
    pub unsafe static environ: *const *const u8;
}

#[no_mangle]
pub unsafe extern "C" fn memset(s: *mut u8, c: i32, n: usize) -> *mut u8 {
    let mut i = 0;
    while i < n {
        *s.add(i) = c as u8;
        i += 1;
    }
    s
}

extern "sysv64" fn sys(x: u64) -> u64 {
    x
}

pub type Callback = unsafe extern "C" fn(*mut u8) -> i32;
