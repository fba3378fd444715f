fn foo -> u8 {
    1
}
