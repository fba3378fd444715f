//! Crate docs.
/*! Block crate docs. */

/* a /* nested */ comment */
/// Outer docs.
/** Outer block docs. */
fn documented() {
    // line comment
    /* block */
    let x = 1; /* trailing */
    let _ = x;
}
/**/
/***/
////
fn after() {}
