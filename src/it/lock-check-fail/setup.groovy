// Lock, then add a dependency: the check mode must fail and leave the lockfile alone.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
fx.addLibC(basedir)
new File(basedir, 'hermetic.lock.before').bytes = new File(basedir, 'hermetic.lock').bytes
// The invoker fails a hook script that returns anything but true or null.
true
