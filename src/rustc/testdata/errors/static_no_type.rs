static HELLO = b"Hello World!";
