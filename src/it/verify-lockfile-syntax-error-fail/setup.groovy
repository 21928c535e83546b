// Lock a clean build in the IT's own local repository, then break the syntax of one lockfile line.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
File lock = new File(basedir, 'hermetic.lock')
lock.text = lock.readLines().collect { it.startsWith('it.fake:lib-a:jar:1.0 ') ? 'it.fake:lib-a:jar:1.0' : it }.join('\n') + '\n'
// The invoker fails a hook script that returns anything but true or null.
true
