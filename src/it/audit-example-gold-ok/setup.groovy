// The copy of examples/hello that example-hello-ok makes, made here the same way.
evaluate(new File(itLib, '../example-hello-ok/setup.groovy'))
