trait Animal { fn name() -> &'static str; }
struct Dog;
impl Animal for Dog { fn name() -> &'static str { "dog" } }
fn q() -> usize {
    let n = <Dog as Animal>::name();
    let d = <u8 as Default>::default();
    let m = <[u8]>::len(&[1, 2]);
    n.len() + d as usize + m + <Vec<u8> as IntoIterator>::into_iter(Vec::new()).count()
}
