// The signature check fails, naming the envelope's keyid; no artifact is compared (the payload is not trusted).
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
String log = new File(basedir, 'build.log').text
String signer = new File(basedir, 'keys/fingerprint.txt').text.trim()
List<String> problems = []
[
    "wrongkey-1.0.intoto.jsonl: signature 1 (keyid ${signer}) does not verify".toString(),
    'do not use these artifacts',
    'BUILD FAILURE',
].each { if (!log.contains(it)) problems << "build.log lacks: ${it}".toString() }
if (log.contains("matches subject")) problems << 'an artifact was compared although the signature failed'
it.assertNoProblems(problems)
return true
