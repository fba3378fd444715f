fn complex<T, U, F>(t: T, u: U, f: F) -> T
where
    T: Clone + PartialEq<U> + 'static,
    U: ?Sized + core::fmt::Debug,
    F: FnOnce(T) -> T + Send + Sync,
    for<'a> &'a T: IntoIterator,
{
    f(t)
}
struct S<T>(T) where T: Copy;
