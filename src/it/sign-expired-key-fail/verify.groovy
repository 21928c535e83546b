// An expired key fails the build before anything is signed, naming the key and saying it expired.
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
String fingerprint = new File(basedir, 'keys/fingerprint.txt').text.trim()
List<String> problems = it.checkFailedCleanly(basedir, new File(itLocalRepo), 'expired-key', [
        'Cannot sign it.hermetic:expired-key:jar:1.0',
        fingerprint,
        'expired',
])
it.assertNoProblems(problems)
return true
