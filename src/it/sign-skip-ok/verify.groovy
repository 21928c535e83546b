// Skipped: the artifacts are installed unsigned, and the log says which property skipped each goal. A skipped sign
// leaves the provenance to hermetic:provenance alone: without a key it says so (build 1); with one it writes and signs
// it, offline and under -T (build 3), and sign still signs nothing.
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
List<String> problems = it.checkInstalledUnsigned(basedir, new File(itLocalRepo), 'skip')
String log = new File(basedir, 'build.log').text
String fingerprint = new File(basedir, 'keys/fingerprint.txt').text.trim()
// build.log holds the builds, one after the other.
['hermetic.sign.skip', 'hermetic.skip'].each { property ->
    if (!log.contains("Skipping hermetic:sign (${property} is true)")) problems << "no skip message for ${property}".toString()
}
if (!log.contains('Skipping hermetic:provenance (hermetic.skip is true)')) problems << 'provenance not skipped by hermetic.skip'
if (!log.contains('Not writing provenance for it.hermetic:skip:jar:1.0: no signing key in the environment variable MAVEN_GPG_KEY')) {
    problems << 'build 1: no line for the provenance without a key'
}
if (!(log =~ /Wrote skip-1\.0\.intoto\.jsonl: 2 subjects, .*; signed with key ${fingerprint}/)) {
    problems << 'build 3: the provenance was not written alone with the key'
}
File envelope = new File(itLocalRepo, 'it/hermetic/skip/1.0/skip-1.0.intoto.jsonl')
if (!envelope.isFile()) problems << "build 3: the provenance was not installed: ${envelope}".toString()
it.assertNoProblems(problems)
return true
