// The passphrase property is refused with what to use instead, and its value is not repeated.
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
List<String> problems = it.checkFailedCleanly(basedir, new File(itLocalRepo), 'passphrase-property', [
        'The property hermetic.sign.passphrase is set',
        'never takes a passphrase from a property',
        'MAVEN_GPG_PASSPHRASE',
        'hermetic.sign.passphraseServerId',
])
if (new File(basedir, 'build.log').text.contains('hunter2-never-logged')) problems << 'the passphrase is in build.log'
it.assertNoProblems(problems)
return true
