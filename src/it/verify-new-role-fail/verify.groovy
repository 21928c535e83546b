def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
// The artifact, what the build does with it now, what the lockfile records, and the fix.
fx.assertLog(basedir, ['it.fake:lib-c:jar:1.0 is used in a way the lockfile does not record: this build uses it as '
        + 'dependency in scope compile of module it.hermetic:verify-new-role; the lockfile records it only as '
        + 'plugin-dependency of module it.hermetic:verify-new-role, pulled in by org.apache.maven.plugins:maven-clean-plugin.',
        'mvn verify hermetic:lock', 'review the diff', 'BUILD FAILURE'])
// Its checksum is the locked one: usage is the only problem.
assert !new File(basedir, 'build.log').text.contains('Checksum mismatch')
// The invoker fails a hook script that returns anything but true or null.
true
