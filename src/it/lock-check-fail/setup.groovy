// Lock, then add a dependency: the check mode must fail and leave the lockfile alone.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
File pom = new File(basedir, 'pom.xml')
String libA = '<artifactId>lib-a</artifactId>\n      <version>1.0</version>\n    </dependency>'
assert pom.text.contains(libA)
pom.text = pom.text.replace(libA, libA + '\n    <dependency><groupId>it.fake</groupId><artifactId>lib-c</artifactId><version>1.0</version></dependency>')
new File(basedir, 'hermetic.lock.before').bytes = new File(basedir, 'hermetic.lock').bytes
// The invoker fails a hook script that returns anything but true or null.
true
