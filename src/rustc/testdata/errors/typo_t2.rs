fn f() { match x { Some((left right)) => {} _ => {} } }
