def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.assertLog(basedir, ['No lockfile at ' + new File(basedir, 'hermetic.lock').path, '`mvn verify hermetic:lock`'])
// The invoker fails a hook script that returns anything but true or null.
true
