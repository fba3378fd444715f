//! Hints to the compiler.
//!
//! `spin_loop()` (a no-op or a `pause`) and `black_box(x)` (returns `x` after forcing it through
//! memory, so the optimiser cannot see through it) are provided by the compiler itself.
