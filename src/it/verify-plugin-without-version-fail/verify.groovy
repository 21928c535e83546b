def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.assertLog(basedir, ['Plugin org.apache.maven.plugins:maven-clean-plugin in module it.hermetic:verify-plugin-without-version has no explicit version',
        'Fix: add <version>'])
// The invoker fails a hook script that returns anything but true or null.
true
