//! The way from a panic to the learner's `#[panic_handler]`.

use crate::panic::Location;
use crate::panic::PanicInfo;

extern "Rust" {
    /// The `#[panic_handler]` function of the crate being built, exported under this symbol
    /// as rustc exports it. Without one, linking fails, so the compiler checks first
    /// ("`#[panic_handler]` function required, but not found").
    fn rust_begin_unwind(info: &PanicInfo) -> !;
}

/// What every panic calls: `panic!`, a failed `assert!`, an arithmetic overflow or an index out
/// of bounds in a debug build. The compiler passes the message and the `Location` it placed in
/// read-only data.
#[lang = "panic"]
pub fn panic(message: &'static str, location: &'static Location) -> ! {
    let info = PanicInfo { message: message, location: location };
    unsafe { rust_begin_unwind(&info) }
}
