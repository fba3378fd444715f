#[derive(Clone, Default)]
struct Config { width: u32, height: u32, title: &'static str, fullscreen: bool }
fn configs() -> Config {
    let base = Config { width: 80, height: 25, ..Default::default() };
    let other = Config { title: "x", ..base.clone() };
    let Config { width, height: h, .. } = other;
    Config { width, height: h, title: "y", fullscreen: true }
}
struct Tuple(u8, u8);
fn tuple_struct() -> Tuple { Tuple { 0: 1, 1: 2 } }
