fn f() { while { } }
