// Lock and vendor a build that uses it.fake:lib-a (which brings lib-b), then replace lib-a with lib-c, lock again,
// and edit one vendored file: the next vendor copies lib-c, removes lib-a and lib-b, repairs the edited file.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
new File(basedir, '.hermetic').deleteDir()
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock', 'hermetic:vendor'])
File pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('<artifactId>lib-a</artifactId>', '<artifactId>lib-c</artifactId>')
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
fx.flipByte(new File(basedir, '.hermetic/repository/it/fake/parent/1.0/parent-1.0.pom'))
// The invoker fails a hook script that returns anything but true or null.
true
