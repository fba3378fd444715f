struct S x;
