fn main() {
    foo()
    bar();
}
