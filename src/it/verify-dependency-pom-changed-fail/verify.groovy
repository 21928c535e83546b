def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.assertLog(basedir, ['Checksum mismatch for it.fake:lib-a:pom:1.0', 'repo/it/fake/lib-a/1.0/lib-a-1.0.pom',
        'the lockfile expects'])
// The invoker fails a hook script that returns anything but true or null.
true
