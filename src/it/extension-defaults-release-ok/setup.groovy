// A committed lockfile, made the way a user would (`mvn verify hermetic:lock`, no key: nothing signed), then the
// release key: a fresh one for this test, named in .mvn/maven.config.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
fx.prepare(basedir, itLocalRepo, itPluginVersion)
['remote-repo', 'keys', '.mvn'].each { new File(basedir, it).deleteDir() }
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
Map key = it.generateKey(new File(basedir, 'keys'), 'release-ok test passphrase')
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dhermetic.sign.keyFile=${key.secretKey}\n"
// The invoker fails a hook script that returns anything but true or null.
true
