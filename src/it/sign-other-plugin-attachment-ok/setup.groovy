// A fresh signing key for this test only, without a passphrase.
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
it.generateKey(new File(basedir, 'keys'), '')
return true
