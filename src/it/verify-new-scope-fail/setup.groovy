// Lock a build where it.fake:lib-c is a test dependency, then make it a compile dependency without locking again.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
File pom = new File(basedir, 'pom.xml')
assert pom.text.contains('<scope>test</scope>')
pom.text = pom.text.replace('<scope>test</scope>', '<scope>compile</scope>')
// The invoker fails a hook script that returns anything but true or null.
true
