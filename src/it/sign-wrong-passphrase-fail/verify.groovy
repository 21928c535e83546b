// A wrong passphrase fails the build at hermetic:sign, naming the key and where the passphrase came from; nothing is signed,
// attached, installed or deployed, and neither passphrase shows in the log.
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
String fingerprint = new File(basedir, 'keys/fingerprint.txt').text.trim()
List<String> problems = it.checkFailedCleanly(basedir, new File(itLocalRepo), 'wrong-passphrase', [
        'Cannot sign it.hermetic:wrong-passphrase:jar:1.0',
        "Wrong passphrase for key ${fingerprint}".toString(),
        'the passphrase from the environment variable MAVEN_GPG_PASSPHRASE does not unlock it',
])
String log = new File(basedir, 'build.log').text
// BouncyCastle's own words for it ("checksum mismatch in checksum of 20 bytes") only mislead.
if (log.contains('checksum mismatch')) problems << "BouncyCastle's 'checksum mismatch' is in build.log"
if (log.contains('a wrong passphrase') || log.contains('the right passphrase')) problems << 'a passphrase is in build.log'
it.assertNoProblems(problems)
return true
