// Lock a clean build in the IT's own local repository, then change the dependency's parent POM.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.lockThenChangePom(basedir, itLocalRepo, itPluginVersion, itMavenHome, itSettingsFile, 'parent')
// The invoker fails a hook script that returns anything but true or null.
true
