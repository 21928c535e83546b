// Lock a clean build in the IT's own local repository, then delete one entry from the lockfile.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
File lock = new File(basedir, 'hermetic.lock')
List<String> lines = lock.readLines()
assert lines.removeIf { it.startsWith('it.fake:lib-b:jar:1.0 ') }
lock.text = lines.join('\n') + '\n'
// The invoker fails a hook script that returns anything but true or null.
true
