fn f() { let _x = c"abc; }
