def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.assertLog(basedir, [
        // The build plan matched the lockfile before the first mojo ran; the provider was still intact then...
        'Verified before the first mojo ran (extension mode)',
        'tamper-with-the-surefire-provider',
        // ...and Resolver refuses the tampered jar as Surefire resolves it, before Surefire can load it.
        'Artifact org.apache.maven.surefire:surefire-junit-platform:jar:3.5.4 trusted checksum mismatch',
        'BUILD FAILURE'])
// The tampered provider never ran: no test ran, so no mark and no report (the clean build in setup.groovy left both).
assert !new File(basedir, 'target/provider-ran.txt').exists()
assert !new File(basedir, 'target/surefire-reports').exists()
true
