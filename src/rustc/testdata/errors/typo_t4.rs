pub extren "C" fn f() {}
