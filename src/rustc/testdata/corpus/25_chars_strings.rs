fn strings() -> usize {
    let a = "tab\tnewline\n quote\" backslash\\ nul\0 hex\x41 uni\u{1F600}";
    let b = r"raw \n";
    let c = r#"has "quotes""#;
    let d = r##"has "# inside"##;
    let e = b"bytes\x00\xff";
    let f = br"raw bytes";
    let g = c"c string";
    let h = 'x';
    let i = '\'';
    let j = b'\n';
    let k = '\u{7FFF}';
    let l = "multi
line \
    continued";
    a.len() + b.len() + c.len() + d.len() + e.len() + f.len() + g.to_bytes().len() + h as usize + i as usize + j as usize + k as usize + l.len()
}
