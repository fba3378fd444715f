impl Foo fro Bar {}
