def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.assertLog(basedir, ['Checksum mismatch for it.fake:bom:pom:1.0', 'repo/it/fake/bom/1.0/bom-1.0.pom'])
// The invoker fails a hook script that returns anything but true or null.
true
