// Unpacks the source release of a real multi-module project from Maven Central and declares this plugin in the
// unpacked root POM in its short form (lock-fixtures.groovy, realProject). Nothing else is added: no exclusion for
// Apache RAT, which the parent binds.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))

new File(basedir, 'keys').deleteDir()
fx.realProject(basedir, itMavenHome, itSettingsFile, itLocalRepo, 'org.apache.maven.enforcer:enforcer:3.5.0:zip:source-release',
        'enforcer-3.5.0', itPluginVersion)
// The release build's signing key (build 4), fresh for this test, without a passphrase.
new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, '../sign-support/SignItSupport.groovy'))
        .getDeclaredConstructor().newInstance().generateKey(new File(basedir, 'keys'), '')
// The invoker fails a hook script that returns anything but true or null.
true
