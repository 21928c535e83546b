// An Ed25519 key without passphrase, made on 2025-12-01 so that signatures dated 2026-01-02 postdate it.
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
Map key = it.generateKey(new File(basedir, 'keys'), '', '20251201T000000')
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dhermetic.sign.keyFile=${key.secretKey}\n"
return true
