// A version range resolves to whatever the repository has newest: fail by default (hermetic.verify.rangePolicy).
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
// The invoker fails a hook script that returns anything but true or null.
true
