// Lock a build where it.fake:lib-c is only a dependency of a plugin (maven-clean-plugin's <dependencies>), then make
// it a compile dependency of the module without locking again: the jar now ships with the product.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
String locked = new File(basedir, 'hermetic.lock').readLines().find { it.startsWith('it.fake:lib-c:jar:1.0 ') }
assert locked ==~ /it\.fake:lib-c:jar:1\.0 [0-9a-f]{64} plugin-dependency - \* org\.apache\.maven\.plugins:maven-clean-plugin \*/: locked
fx.addLibC(basedir)
// The invoker fails a hook script that returns anything but true or null.
true
