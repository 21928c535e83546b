// Lock with Resolver's trusted checksums (Maven 3.9+), check that a clean build passes with them on, then serve a
// tampered jar from the repository (with a matching .sha1, as a compromised repository would) and make Maven download
// it again: the resolver itself must refuse it as it resolves it.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
new File(basedir, '.mvn').deleteDir()
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', '-Dhermetic.lock.resolverChecksums',
        'verify', 'hermetic:lock'])
File summary = new File(basedir, '.mvn/checksums/checksums.sha256')
assert summary.isFile()
assert summary.text.contains('  it/fake/lib-a/1.0/lib-a-1.0.jar')
assert new File(basedir, '.mvn/maven.config').text.contains('aether.artifactResolver.postProcessor.trustedChecksums=true')
String clean = fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify'])
assert clean.contains('BUILD SUCCESS')
File served = new File(basedir, 'fake-repo/it/fake/lib-a/1.0/lib-a-1.0.jar')
fx.flipByte(served)
fx.sha1(served)
new File(basedir, 'repo/it/fake/lib-a/1.0').deleteDir()
true
