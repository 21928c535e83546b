// Lock and vendor, then edit the vendored lib-a jar and the local repository's copy too (nothing can repair it), and
// delete the vendored lib-b jar (a run that fails must not copy it back).
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
new File(basedir, '.hermetic').deleteDir()
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock', 'hermetic:vendor'])
fx.flipByte(new File(basedir, '.hermetic/repository/it/fake/lib-a/1.0/lib-a-1.0.jar'))
fx.flipByte(new File(basedir, 'repo/it/fake/lib-a/1.0/lib-a-1.0.jar'))
assert new File(basedir, '.hermetic/repository/it/fake/lib-b/1.0/lib-b-1.0.jar').delete()
// The invoker fails a hook script that returns anything but true or null.
true
