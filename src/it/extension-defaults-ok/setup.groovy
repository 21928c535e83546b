// A committed lockfile, made the way a user would: `mvn verify hermetic:lock` in the IT's own local repository.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
// The invoker fails a hook script that returns anything but true or null.
true
