// Reproducible signatures: every signature carries SOURCE_DATE_EPOCH as its time, and a second build, with the
// key taken from the MAVEN_GPG_KEY environment variable this time, gives byte-identical .asc files.
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
File publicKey = new File(basedir, 'keys/public.asc')
List<String> problems = []

Map<String, List<String>> modules = [
        'repro-parent': ['repro-parent-1.0.pom', 'repro-parent-1.0-digests.sha256sum'],
        'repro-a'     : ['repro-a-1.0.pom', 'repro-a-1.0.jar', 'repro-a-1.0-digests.sha256sum'],
        'repro-b'     : ['repro-b-1.0.pom', 'repro-b-1.0.jar', 'repro-b-1.0-digests.sha256sum'],
]
modules.each { artifactId, artifacts ->
    File installed = new File(itLocalRepo, "it/hermetic/${artifactId}/1.0")
    problems.addAll(it.checkRepository(installed, artifacts, "${artifactId}-1.0-digests.sha256sum", publicKey,
            it.attachedDigests(itMavenHome)))
    // sqv accepts a signature only if made within [not-before, not-after]: exactly SOURCE_DATE_EPOCH here.
    artifacts.each { name ->
        Map r = it.exec(['sqv', '--not-before', '2026-01-02T00:00:00Z', '--not-after', '2026-01-02T00:00:00Z',
                         '--keyring', publicKey.path, new File(installed, name + '.asc').path,
                         new File(installed, name).path])
        if (r.exit != 0) problems << "${name}.asc is not dated SOURCE_DATE_EPOCH (2026-01-02T00:00:00Z): ${r.err}".toString()
    }
}

// Second build, key from the environment, clock a year ahead; compare every file hermetic:sign wrote.
List<File> signDirs = [new File(basedir, 'target/hermetic-sign'), new File(basedir, 'a/target/hermetic-sign'),
                       new File(basedir, 'b/target/hermetic-sign')]
Map<String, String> first = [:]
signDirs.each { d -> d.eachFile { f -> first[f.path] = it.hex(f, 'SHA-256') } }
if (first.count { k, v -> k.endsWith('.asc') } != 8) problems << "expected 8 .asc files, found ${first.keySet()}".toString()
new File(basedir, '.mvn/maven.config').delete()
File settings = new File(basedir, 'target/offline-settings.xml')
settings.text = '<settings/>\n'
File log2 = new File(basedir, 'rebuild.log')
// Offline from the ITs' local repository (a tracking file name that does not exist lets Resolver use files
// whatever repository id they came from), with the clock one year ahead: the signature time must not move.
Map r = it.exec(['faketime', '-f', '+1y', new File(itMavenHome, 'bin/mvn').path, '-B', '-o', '-T', '2',
                 '-s', settings.path, "-Dmaven.repo.local=${itLocalRepo}".toString(),
                 '-Daether.enhancedLocalRepository.trackingFilename=_hermetic_rebuild_any_origin', 'verify'],
                [JAVA_HOME: System.getProperty('java.home'), MAVEN_OPTS: itMavenOpts, SOURCE_DATE_EPOCH: '1767312000',
                 MAVEN_GPG_KEY: new File(basedir, 'keys/secret.asc').text, MAVEN_GPG_PASSPHRASE: '',
                 MAVEN_GPG_KEY_FINGERPRINT: '', MAVEN_ARGS: '',
                 // Without these the JVM can hang at start-up under libfaketime 0.9.10 (see src/it/lib).
                 FAKETIME_DONT_FAKE_MONOTONIC: '1', FAKETIME_FORCE_MONOTONIC_FIX: '0'], basedir)
log2.text = r.out + r.err
if (r.exit != 0) {
    problems << "the rebuild with MAVEN_GPG_KEY failed, see ${log2}".toString()
} else {
    if (!log2.text.contains('from the environment variable MAVEN_GPG_KEY')) problems << 'the rebuild did not use MAVEN_GPG_KEY'
    first.each { path, sha256 ->
        File f = new File(path)
        if (!f.exists()) problems << "the rebuild did not write ${path}".toString()
        else if (it.hex(f, 'SHA-256') != sha256) problems << "${path} differs between the two builds".toString()
    }
}
it.assertNoProblems(problems)
return true
