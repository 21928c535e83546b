def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
List<String> lock = new File(basedir, 'hermetic.lock').readLines()
assert !lock.any { it.startsWith('org.apache.maven.surefire:surefire-junit-platform:') } :
        'the provider should not be locked when tests were skipped'
fx.assertLog(basedir, [
        // The build plan itself matched the lockfile...
        'Verified before the first mojo ran (extension mode)',
        // ...the run-time resolution did not, and the failure names the mojo, the artifact and the fix.
        'hermetic: maven-surefire-plugin:test (default-test) resolved, while it ran,',
        'org.apache.maven.surefire:surefire-junit-platform:jar:3.5.4',
        'mvn verify hermetic:lock',
        '-Dhermetic.verify.runtimeResolutions=warn',
        'BUILD FAILURE'])
// The invoker fails a hook script that returns anything but true or null.
true
