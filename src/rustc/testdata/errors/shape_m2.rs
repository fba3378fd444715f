struct S<T> x;
