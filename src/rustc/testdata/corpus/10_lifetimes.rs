struct Parser<'a> {
    input: &'a str,
    pos: usize,
}

impl<'a> Parser<'a> {
    fn new(input: &'a str) -> Parser<'a> {
        Parser { input, pos: 0 }
    }

    fn rest(&self) -> &'a str {
        &self.input[self.pos..]
    }
}

fn longest<'a, 'b: 'a>(x: &'a str, y: &'b str) -> &'a str {
    if x.len() > y.len() { x } else { y }
}

fn hrtb<F>(f: F)
where
    F: for<'x> Fn(&'x u8) -> &'x u8,
{
    let v = 1u8;
    let _ = f(&v);
}

static NAME: &'static str = "kernel";
