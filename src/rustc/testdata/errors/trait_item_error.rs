trait T {
    fn f(&self) -> u8 u8;
}
