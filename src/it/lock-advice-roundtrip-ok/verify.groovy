def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
List<String> lock = new File(basedir, 'hermetic.lock').readLines()
assert lock.any { it.startsWith('it.fake:lib-c:jar:1.0 ') }: 'the new dependency was not locked'
assert lock.any { it.startsWith('org.apache.maven.surefire:surefire-junit-platform:jar:3.5.4 ') && it.contains(' runtime ') }:
        'the run-time capture was lost:\n' + lock.join('\n')
// The same build as the failed one now passes, with no finding.
fx.assertLog(basedir, ['Tests run: 1, Failures: 0', ': 0 errors, 0 warnings', 'BUILD SUCCESS'])
// The invoker fails a hook script that returns anything but true or null.
true
