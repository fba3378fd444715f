fn f() { if { } }
