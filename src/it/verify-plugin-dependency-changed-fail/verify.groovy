def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.assertLog(basedir, ['Checksum mismatch for it.fake:lib-c:jar:1.0', 'repo/it/fake/lib-c/1.0/lib-c-1.0.jar'])
// The invoker fails a hook script that returns anything but true or null.
true
