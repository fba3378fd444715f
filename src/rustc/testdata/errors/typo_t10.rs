Fn main() {}
