fn f() { match x { Some((a b)) => {} _ => {} } }
