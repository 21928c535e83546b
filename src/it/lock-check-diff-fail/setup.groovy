// Lock a jar build, then make it a pom: the jar-building plugins and their dependencies (well over 20 lines) leave.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.lockThenReplace(basedir, itLocalRepo, itPluginVersion, itMavenHome, itSettingsFile, 'pom.xml',
        '<packaging>jar</packaging>', '<packaging>pom</packaging>')
new File(basedir, 'target').deleteDir()
new File(basedir, 'hermetic.lock.before').bytes = new File(basedir, 'hermetic.lock').bytes
// The invoker fails a hook script that returns anything but true or null.
true
