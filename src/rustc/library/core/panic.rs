//! What a `#[panic_handler]` receives.
//!
//! Differences from Rust's core (the subset has no `Option`, no generics, no formatting):
//! - `PanicInfo::location()` returns `&Location` directly (Rust's returns
//!   `Option<&Location>`, which is always `Some` for panics raised by Rust code);
//! - `PanicInfo::message()` returns the panic's text as `&str` (Rust's returns a
//!   `PanicMessage` to format with `{}`);
//! - neither type implements `Display` or `Debug`.

/// The source position of a panic: file, line and column (1-based), as `panic!` records it.
///
/// The field order and `repr(C)` match the `Location` the code generator emits for each panic
/// site: `file` (pointer, length), then `line`, then `col`.
#[repr(C)]
pub struct Location {
    file: &'static str,
    line: u32,
    col: u32,
}

impl Location {
    /// The source file's name, as the compiler was given it (`src/main.rs`).
    pub fn file(&self) -> &str {
        self.file
    }

    /// The line, counting from 1.
    pub fn line(&self) -> u32 {
        self.line
    }

    /// The column, counting from 1.
    pub fn column(&self) -> u32 {
        self.col
    }
}

/// Passed to the `#[panic_handler]` function.
pub struct PanicInfo {
    message: &'static str,
    location: &'static Location,
}

impl PanicInfo {
    /// Where the panic happened.
    pub fn location(&self) -> &Location {
        self.location
    }

    /// The panic's message, e.g. `attempt to add with overflow`.
    pub fn message(&self) -> &str {
        self.message
    }

    /// Whether the panic may unwind: never on the kernel's `panic = "abort"` target.
    pub fn can_unwind(&self) -> bool {
        false
    }
}
