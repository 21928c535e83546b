// Lock a build where it.fake:lib-c is a test dependency, then make it a compile dependency without locking again.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.lockThenReplace(basedir, itLocalRepo, itPluginVersion, itMavenHome, itSettingsFile, 'pom.xml',
        '<scope>test</scope>', '<scope>compile</scope>')
// The invoker fails a hook script that returns anything but true or null.
true
