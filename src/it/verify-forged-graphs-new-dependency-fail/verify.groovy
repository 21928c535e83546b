def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
// The stored graph is set aside, saying why, and the new dependency is named.
fx.assertLog(basedir, ['not used, it lacks what the models declare: it.fake:lib-c:jar:1.0 DEPENDENCY compile',
        'it.fake:lib-c:jar:1.0 (dependency of it.hermetic:', 'is not in the lockfile'])
assert !new File(basedir, 'build.log').text.contains('graph reused')
// The invoker fails a hook script that returns anything but true or null.
true
