Struct Point { x: u8 }
