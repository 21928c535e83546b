// Lock a clean build in the IT's own local repository, then change a jar that a plugin depends on (lib-c, added to the clean plugin's <dependencies>).
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
fx.flipByte(new File(basedir, 'repo/it/fake/lib-c/1.0/lib-c-1.0.jar'))
// The invoker fails a hook script that returns anything but true or null.
true
