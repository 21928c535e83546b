// Lock a clean build in the IT's own local repository, then downgrade the lockfile's algorithm to SHA-1.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.lockThenReplace(basedir, itLocalRepo, itPluginVersion, itMavenHome, itSettingsFile, 'hermetic.lock',
        'algorithm SHA-256', 'algorithm SHA-1')
// The invoker fails a hook script that returns anything but true or null.
true
