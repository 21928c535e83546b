// The signature check fails, naming the envelope's keyid; no artifact is compared (the payload is not trusted).
// Before that, the provenance was signed with the key that only the sign execution's configuration names.
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
String log = new File(basedir, 'build.log').text
String signer = new File(basedir, 'keys/fingerprint.txt').text.trim()
List<String> problems = []
// The first build: the key named only inside the sign execution signed the provenance too.
if (!(log =~ /Wrote wrongkey-1\.0\.intoto\.jsonl: 2 subjects, .*; signed with key ${signer}/)) {
    problems << 'the first build did not write the provenance with the sign execution\'s key'
}
if (log.contains('Not signing') || log.contains('Not writing provenance')) problems << 'a no-key line although sign has a key'
[
    "wrongkey-1.0.intoto.jsonl: signature 1 (keyid ${signer}) does not verify".toString(),
    'do not use these artifacts',
    'BUILD FAILURE',
].each { if (!log.contains(it)) problems << "build.log lacks: ${it}".toString() }
if (log.contains("matches subject")) problems << 'an artifact was compared although the signature failed'
it.assertNoProblems(problems)
return true
