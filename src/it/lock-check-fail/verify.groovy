def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.assertLog(basedir, ['hermetic.lock.check:', 'is out of date', '+ it.fake:lib-c:jar:1.0 ', 'mvn verify hermetic:lock'])
assert new File(basedir, 'hermetic.lock').bytes == new File(basedir, 'hermetic.lock.before').bytes: 'check mode wrote the lockfile'
// The invoker fails a hook script that returns anything but true or null.
true
