impl Foo Bar {}
