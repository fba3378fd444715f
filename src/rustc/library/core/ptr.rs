//! Raw pointers.
//!
//! The free functions of this module are generic over the pointee type, which the subset cannot
//! express, so the compiler provides them itself when a path names them:
//! `read`, `write`, `read_volatile`, `write_volatile`, `null`, `null_mut`, `copy`,
//! `copy_nonoverlapping` (a call of `memcpy`), `write_bytes` (a call of `memset`), and the
//! macros `addr_of!` and `addr_of_mut!`. The methods of `*const T` / `*mut T` (`add`, `offset`,
//! `is_null`, `cast`, …) are provided the same way.
