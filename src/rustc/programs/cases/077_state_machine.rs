// A state machine over an enum: a tokenizer that splits a byte string into numbers, words and
// symbols with match on (state, byte class), counting each kind and summing the numbers.
#![no_std]
#![no_main]

#[derive(Clone, Copy, PartialEq)]
enum State {
    Start,
    Number,
    Word,
}

#[derive(Clone, Copy, PartialEq)]
enum Class {
    Digit,
    Letter,
    Space,
    Symbol,
}

fn class_of(b: u8) -> Class {
    match b {
        b'0'..=b'9' => Class::Digit,
        b'a'..=b'z' | b'A'..=b'Z' | b'_' => Class::Letter,
        b' ' | b'\t' | b'\n' => Class::Space,
        _ => Class::Symbol,
    }
}

struct Stats {
    numbers: u32,
    words: u32,
    symbols: u32,
    sum: u64,
}

#[no_mangle]
pub extern "C" fn _start() -> ! {
    let input = b"let x1 = 42 + y * 7; sum_2 += 1000\t-5 (end)";
    let mut state = State::Start;
    let mut current: u64 = 0;
    let mut stats = Stats { numbers: 0, words: 0, symbols: 0, sum: 0 };
    let mut i = 0;
    while i <= input.len() {
        let class = if i < input.len() { class_of(input[i]) } else { Class::Space };
        let b = if i < input.len() { input[i] } else { b' ' };
        state = match (state, class) {
            (State::Number, Class::Digit) => {
                current = current * 10 + (b - b'0') as u64;
                State::Number
            }
            (State::Word, Class::Letter) | (State::Word, Class::Digit) => State::Word,
            (State::Number, _) | (State::Word, _) | (State::Start, _) => {
                if state == State::Number {
                    stats.numbers += 1;
                    stats.sum += current;
                    put_u64(current);
                    put_byte(b' ');
                } else if state == State::Word {
                    stats.words += 1;
                }
                match class {
                    Class::Digit => {
                        current = (b - b'0') as u64;
                        State::Number
                    }
                    Class::Letter => State::Word,
                    Class::Symbol => {
                        stats.symbols += 1;
                        State::Start
                    }
                    Class::Space => State::Start,
                }
            }
        };
        i += 1;
    }
    nl();
    showu("numbers", stats.numbers as u64);
    showu("words", stats.words as u64);
    showu("symbols", stats.symbols as u64);
    showu("sum", stats.sum);
    done()
}
