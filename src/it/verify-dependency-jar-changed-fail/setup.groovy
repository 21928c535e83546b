// Lock a clean build, then change one byte of a dependency's jar in the IT's own local repository.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
fx.flipByte(new File(basedir, 'repo/it/fake/lib-a/1.0/lib-a-1.0.jar'))
// The invoker fails a hook script that returns anything but true or null.
true
