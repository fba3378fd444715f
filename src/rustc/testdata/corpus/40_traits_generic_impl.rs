trait Summary { fn summarize(&self) -> u32 { 0 } }
impl<T: Copy + Into<u32>> Summary for [T] {
    fn summarize(&self) -> u32 { self.iter().map(|&x| x.into()).sum() }
}
impl<T> Summary for Option<T> where T: Summary {}
impl !Send for Marker {}
struct Marker;
fn use_it(v: &impl Summary, w: Box<dyn Summary + Send + 'static>) -> u32 { v.summarize() + w.summarize() }
