// An Ed25519 key without passphrase made before SOURCE_DATE_EPOCH; .mvn/maven.config names it by a path under the
// project (relative), and gives a property whose value is an absolute path under the project: written from
// ${session.rootDirectory}, so the same at another path (verify.groovy rewrites it for the copy, as a user's
// $PWD would).
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
it.generateKey(new File(basedir, 'keys'), '', '20251201T000000')
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = [
        "-Dhermetic.sign.keyFile=${new File(basedir, 'keys/secret.asc').absolutePath}",
        '-Dhermetic.sign.reproducible=true',
        "-Dit.sources=${new File(basedir, 'a/src/main/java').absolutePath}",
].join('\n') + '\n'
return true
