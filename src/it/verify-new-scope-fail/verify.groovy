def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.assertLog(basedir, ['it.fake:lib-c:jar:1.0 is used in a way the lockfile does not record: this build uses it as '
        + 'dependency in scope compile of module it.hermetic:verify-new-scope; the lockfile records it only as '
        + 'dependency in scope test of module it.hermetic:verify-new-scope.',
        'mvn verify hermetic:lock', 'review the diff', 'BUILD FAILURE'])
// The invoker fails a hook script that returns anything but true or null.
true
