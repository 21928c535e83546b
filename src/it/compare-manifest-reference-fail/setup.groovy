// A fresh signing key for this test only, protected by the passphrase invoker.properties passes in
// MAVEN_GPG_PASSPHRASE.
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
it.generateKey(new File(basedir, 'keys'), 'compare test passphrase')
// Someone else's key: the manifest's signature must not verify with it.
it.generateKey(new File(basedir, 'other-keys'), 'other passphrase')
return true
