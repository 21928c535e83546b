// Lock a clean build in the IT's own local repository, then change the POM of a dependency (a tampered POM can pull in new dependencies).
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.lockThenChangePom(basedir, itLocalRepo, itPluginVersion, itMavenHome, itSettingsFile, 'lib-a')
// The invoker fails a hook script that returns anything but true or null.
true
