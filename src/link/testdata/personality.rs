// The host's libcore was built with panic=unwind, so its objects name rust_eh_personality even
// when the kernel is built with panic=abort; the post's own target has no such reference.
// Linking the post's kernel against the host libcore therefore needs this empty definition.
#![no_std]
#[no_mangle]
pub extern "C" fn rust_eh_personality() {}
