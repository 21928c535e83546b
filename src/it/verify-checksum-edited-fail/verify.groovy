def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.assertLog(basedir, ['Checksum mismatch for it.fake:lib-a:jar:1.0', 'the lockfile expects ' + '0' * 64])
// The invoker fails a hook script that returns anything but true or null.
true
