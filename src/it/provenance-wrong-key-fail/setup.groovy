// A fresh key without passphrase, keys/secret.asc, named only in the sign execution's configuration (pom.xml); and
// the key the second invocation checks with: not the one that signed.
def sign = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, '../sign-support/SignItSupport.groovy'))
        .getDeclaredConstructor().newInstance()
sign.generateKey(new File(basedir, 'keys'), '')
sign.generateKey(new File(basedir, 'other-key'), '')
return true
