#[derive(Clone, Copy, PartialEq)]
enum State { Idle, Running { ticks: u32 }, Done(u8) }
fn step(s: State) -> State {
    use State::*;
    match s {
        Idle => Running { ticks: 0 },
        Running { ticks } if ticks >= 10 => Done(0),
        Running { ticks } => Running { ticks: ticks + 1 },
        Done(code) => Done(code),
    }
}
