def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.assertLog(basedir, ['it.fake:lib-c:jar:1.0 (dependency of it.hermetic:', 'is not in the lockfile',
        'Review the new artifact', 'hermetic:lock'])
// The invoker fails a hook script that returns anything but true or null.
true
