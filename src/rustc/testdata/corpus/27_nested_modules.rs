pub mod a {
    pub mod b {
        pub fn deep() -> u8 {
            super::helper() + crate::top()
        }
    }
    fn helper() -> u8 { 1 }
    pub use self::b::deep;
}
fn top() -> u8 { 2 }
fn call() -> u8 { a::deep() + self::a::b::deep() }
