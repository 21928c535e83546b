def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.assertLog(basedir, ["Dependency it.fake:lib-c in module it.hermetic:verify-version-range: '[1.0,2.0)' is a version range"])
// The invoker fails a hook script that returns anything but true or null.
true
