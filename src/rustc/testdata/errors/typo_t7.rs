fn f() { lett x = 1; }
