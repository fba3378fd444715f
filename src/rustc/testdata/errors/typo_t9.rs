fn f(x: bool) { whlie x { } }
