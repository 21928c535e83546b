def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
List<String> lock = new File(basedir, 'hermetic.lock').readLines()
// Surefire resolves its JUnit Platform provider only while it runs: the extension's recorder caught it.
String provider = lock.find { it.startsWith('org.apache.maven.surefire:surefire-junit-platform:jar:3.5.4 ') }
assert provider: 'surefire-junit-platform was not captured:\n' + lock.join('\n')
assert provider.contains('runtime')
fx.assertLog(basedir, ['Tests run: 1, Failures: 0', 'hermetic: verified before any plugin ran', 'BUILD SUCCESS'])
assert !new File(basedir, 'build.log').text.contains('surefire-junit-platform:jar:3.5.4 is in the lockfile but')
// The invoker fails a hook script that returns anything but true or null.
true
