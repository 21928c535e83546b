def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
String lock = new File(basedir, 'hermetic.lock').text
// One lockfile at the root, naming every module; siblings are not locked.
assert lock.contains('module it.hermetic:a')
assert lock.contains('module it.hermetic:b')
assert lock.contains('module it.hermetic:lock-multimodule')
assert !lock.contains('it.hermetic:a:jar'): 'a reactor sibling must not be locked'
assert lock.readLines().any { it.startsWith('it.fake:lib-a:jar:1.0 ') && it.contains('compile') }
assert lock.readLines().any { it.startsWith('it.fake:lib-c:jar:1.0 ') && it.contains('test') }
assert lock.readLines().any { it.startsWith('org.apache.maven.plugins:maven-compiler-plugin:jar:3.14.0 ') }
assert !new File(basedir, 'a/hermetic.lock').exists() && !new File(basedir, 'b/hermetic.lock').exists()
// The last build (-o -T 2 clean verify) verified the reactor once and the other modules shared the result.
fx.assertLog(basedir, ['hermetic:verify: 3 modules against hermetic.lock', '0 errors', 'Reactor already verified',
        'BUILD SUCCESS'])
assert new File(basedir, 'b/target/b-1.0.jar').isFile()
// Builds 2 and 3 verified the build that build 1 locked, unchanged: both reused the graphs hermetic:lock had
// collected (every file is still compared with the lockfile).
List<String> summaries = new File(basedir, 'build.log').readLines().findAll { it.startsWith('[INFO] hermetic:verify: 3 modules') }
assert summaries.size() == 2: summaries
assert summaries.every { it.contains('graph reused') && it.contains(' 0 errors') }: summaries
// The invoker fails a hook script that returns anything but true or null.
true
