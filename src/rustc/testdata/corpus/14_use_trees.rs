#![allow(unused_imports)]
extern crate core;
extern crate alloc as my_alloc;

use core::{
    cell::{Cell, RefCell},
    fmt::{self, Write as FmtWrite},
    mem,
    ptr::{self, NonNull},
};
use core::sync::atomic::*;
use self::inner::Thing as _;
pub use crate::inner::Thing;
use ::core::option::Option::{self as Opt, None as Nothing};
use super_mod::*;

mod inner {
    pub trait Thing {}
    pub(crate) fn helper() {}
    pub(super) struct Private;
    pub(in crate::inner) const X: u8 = 1;
}

mod super_mod {
    pub fn f() {}
}

mod external;
