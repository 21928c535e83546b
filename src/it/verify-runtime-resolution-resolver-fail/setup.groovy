// Lock a build whose tests run (so that Surefire resolves its JUnit Platform provider while it runs) with Resolver's
// trusted checksums (Maven 3.9+), check that a clean build passes with them on and runs the test, then leave a
// tampered copy of the provider in tampered/, for the build's own copy-resources execution to put in the local
// repository once the build plan has been verified (see pom.xml).
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
['.mvn', 'tampered'].each { new File(basedir, it).deleteDir() }
String provider = 'org/apache/maven/surefire/surefire-junit-platform/3.5.4/surefire-junit-platform-3.5.4.jar'
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', '-Dhermetic.lock.resolverChecksums',
        'verify', 'hermetic:lock'])
assert new File(basedir, '.mvn/checksums/checksums.sha256').text.contains('  ' + provider)
String clean = fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'clean', 'verify'])
assert clean.contains('Tests run: 1, Failures: 0') && clean.contains('BUILD SUCCESS')
assert new File(basedir, 'target/provider-ran.txt').isFile()
File tampered = new File(basedir, 'tampered/' + new File(provider).name)
tampered.parentFile.mkdirs()
tampered.bytes = new File(basedir, 'repo/' + provider).bytes
fx.flipByte(tampered)
true
