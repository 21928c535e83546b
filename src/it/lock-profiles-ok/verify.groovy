def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
// The release build, after the everyday and `other` builds were locked again, passes with no finding.
fx.assertLog(basedir, ['hermetic:verify: 1 module against hermetic.lock (build release): ', ': 0 errors, 0 warnings',
        'BUILD SUCCESS'])
assert !new File(basedir, 'build.log').text.contains('but this build does not use it')
// The invoker fails a hook script that returns anything but true or null.
true
