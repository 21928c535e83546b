// Lock a clean build in the IT's own local repository, then change one byte of the resources plugin's jar.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
assert new File(basedir, 'target/classes/marker.txt').isFile(): 'the resources plugin ran during the lock build'
new File(basedir, 'target').deleteDir()
fx.flipByte(new File(basedir, 'repo/org/apache/maven/plugins/maven-resources-plugin/3.3.1/maven-resources-plugin-3.3.1.jar'))
// The invoker fails a hook script that returns anything but true or null.
true
