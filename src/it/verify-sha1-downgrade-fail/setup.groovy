// Lock a clean build in the IT's own local repository, then downgrade the lockfile's algorithm to SHA-1.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
File lock = new File(basedir, 'hermetic.lock')
assert lock.text.contains('algorithm SHA-256')
lock.text = lock.text.replace('algorithm SHA-256', 'algorithm SHA-1')
// The invoker fails a hook script that returns anything but true or null.
true
