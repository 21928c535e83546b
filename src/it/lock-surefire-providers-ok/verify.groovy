def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
List<String> lock = new File(basedir, 'hermetic.lock').readLines()
// Surefire resolves its JUnit Platform provider only while it runs: the extension's recorder caught it.
String provider = lock.find { it.startsWith('org.apache.maven.surefire:surefire-junit-platform:jar:3.5.4 ') }
assert provider: 'surefire-junit-platform was not captured:\n' + lock.join('\n')
assert provider.contains(' runtime ')
// ...and names the plugin whose mojo resolved it.
assert provider.endsWith(' org.apache.maven.plugins:maven-surefire-plugin *'): provider
// Build 2 (offline) was verified by the extension before any plugin ran, runtime entries included, with no finding.
fx.assertLog(basedir, ['Tests run: 1, Failures: 0', 'Verified before the first mojo ran (extension mode)',
        'hermetic:verify: 1 module against hermetic.lock', ': 0 errors, 0 warnings', 'BUILD SUCCESS'])
assert !new File(basedir, 'build.log').text.contains('surefire-junit-platform:jar:3.5.4 is in the lockfile but')
// The invoker fails a hook script that returns anything but true or null.
true
