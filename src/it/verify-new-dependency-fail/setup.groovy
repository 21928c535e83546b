// Lock a clean build in the IT's own local repository, then add a dependency to the POM without locking again.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
fx.addLibC(basedir)
// The invoker fails a hook script that returns anything but true or null.
true
