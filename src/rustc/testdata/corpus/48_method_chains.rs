fn chains(s: &str) -> usize {
    s.trim()
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::len)
        .collect::<heapless::Vec<usize, 8>>()
        .iter()
        .sum::<usize>()
}
