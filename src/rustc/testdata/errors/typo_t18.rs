fn f() { let x = 5 lte y = 6; }
