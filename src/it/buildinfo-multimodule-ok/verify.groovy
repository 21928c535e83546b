// The interop check: on the same build, maven-artifact-plugin 3.6.1's buildinfo goal and hermetic:buildinfo list the
// same files, with the same lengths and SHA-512, under the same outputs.* keys.
String log = new File(basedir, 'build.log').text
int second = log.indexOf('Scanning for projects', log.indexOf('Scanning for projects') + 1)
int third = log.indexOf('Scanning for projects', second + 1)
int fourth = log.lastIndexOf('Scanning for projects')
String first = log.substring(0, second)
String compared = log.substring(second, third)
String threaded = log.substring(third, fourth)
String skipped = log.substring(fourth)

Properties read(File file) {
    assert file.isFile() : "${file} was not written"
    Properties p = new Properties()
    file.withReader('UTF-8') { p.load(it) }
    return p
}
Map outputs(Properties p) {
    new TreeMap(p.findAll { k, v -> k.startsWith('outputs.') })
}

File theirs = new File(basedir, 'lib-b/target/lib-b-1.0.buildinfo')
File deployed = new File(basedir, 'repo/it/hermetic/lib-b/1.0/lib-b-1.0.buildinfo')
Properties maven = read(theirs)
Properties ours = read(deployed)
assert outputs(ours) == outputs(maven)
assert outputs(ours).keySet().count { it.endsWith('.filename') } == 6 // 3 POMs, 2 jars, lib-a's sources jar
assert ours.getProperty('outputs.1.2.filename') == 'lib-a-1.0-sources.jar'
// The header: maven-artifact-plugin's reproducible mode, plus java.vendor and mvn.version.
['buildinfo.version', 'name', 'group-id', 'artifact-id', 'version', 'source.scm.uri', 'source.scm.tag', 'build-tool',
        'java.version', 'os.name', 'mvn.aggregate.artifact-id'].each { key ->
    assert ours.getProperty(key) == maven.getProperty(key) : key
}
assert ours.getProperty('java.vendor') == System.getProperty('java.vendor')
assert ours.getProperty('mvn.version') ==~ /3\.\d+\.\d+/

// Written once, at the root, attached to the last module and deployed with it (signing would take it the same way).
assert first.count('hermetic:buildinfo describes the whole reactor once its last module is built') == 2
assert first.contains('Wrote ' + new File(basedir, 'target/buildinfo-parent-1.0.buildinfo').canonicalPath
        + ' (6 files of 3 modules, with their SHA-512), attached to it.hermetic:lib-b:jar:1.0')
assert first =~ /Uploaded to it-deploy: .*lib-b-1\.0\.buildinfo/
// One read: hermetic:sign, which runs next in lib-b, makes it in its run from the digests of the lib-b files it signs
// (POM, jar); lib-a's and the parent's, never signed, are read here.
assert first.contains('The .buildinfo is made by hermetic:sign, which runs next in it.hermetic:lib-b:jar:1.0')
assert first.contains('attached to it.hermetic:lib-b:jar:1.0; 2 measured by hermetic:sign\'s read, 4 read here')
List<String> firstLines = first.readLines()
int signing = firstLines.findIndexOf { it.contains(':sign (sign) @ lib-b') }
int written = firstLines.findIndexOf { it.contains('(6 files of 3 modules, with their SHA-512)') }
assert 0 <= signing && signing < written: "not made in sign's run: ${[signing, written]}"
// hermetic:sign, declared after it in lib-b, signs it with lib-b's files.
def sign = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
Map verified = sign.gpgVerify(new File(deployed.path + '.asc'), deployed, new File(basedir, 'keys/public.asc'))
assert verified.ok : verified.output

// Under -T 2: still once, by the reactor's last module (lib-b) whichever module finishes last, so the file is attached
// to the same module as in a serial build; and same build, same file: the root's file, last written by this build,
// holds the deployed bytes again.
assert threaded.count('hermetic:buildinfo describes the whole reactor once its last module is built') == 2
assert threaded.contains('(6 files of 3 modules, with their SHA-512), attached to it.hermetic:lib-b:jar:1.0')
assert threaded.contains('BUILD SUCCESS')
assert new File(basedir, 'target/buildinfo-parent-1.0.buildinfo').bytes == deployed.bytes

// The deployed .buildinfo as hermetic:compare's reference: checksums only, and the log says so.
assert compared.contains('Reference: the .buildinfo ' + new File(basedir, 'repo/it/hermetic/lib-b/1.0/lib-b-1.0.buildinfo')
        .canonicalPath + ' (6 files): only checksums can be compared, so a differing file is named but not explained')
assert compared =~ /identical +lib-a-1\.0-sources\.jar/
assert compared.contains('rebuild comparison result: 6 files match, 0 differ')
assert compared.contains('BUILD SUCCESS')
// lib-a signed in this build: lib-b's .buildinfo takes the digests of lib-a's files (and lists its signed manifest)
// from the read that signed them, recorded in memory; only the parent's POM is read here.
assert compared.contains('(7 files of 3 modules, with their SHA-512), attached to it.hermetic:lib-b:jar:1.0;'
        + ' 6 measured by hermetic:sign\'s read, 1 read here')

// -Dhermetic.buildinfo.skip: every module says so, none writes.
assert skipped.count('Skipping hermetic:buildinfo (hermetic.buildinfo.skip is true)') == 3
assert !skipped.contains('Wrote ')
