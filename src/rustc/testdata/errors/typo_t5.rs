staic HELLO: u8 = 1;
