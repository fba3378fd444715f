fn f() { let _x = 'a }
