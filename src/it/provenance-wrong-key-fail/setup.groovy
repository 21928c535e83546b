// A fresh key without passphrase, named to the build in .mvn/maven.config; and the key the second invocation
// checks with: not the one that signed.
evaluate(new File(itLib, 'provenance-checks.groovy')).keyInMavenConfig(itLib, basedir)
new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, '../sign-support/SignItSupport.groovy'))
        .getDeclaredConstructor().newInstance().generateKey(new File(basedir, 'other-key'), '')
return true
