fn f<T>(x: T) wher T: Copy {}
