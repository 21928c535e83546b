// Lock a clean build; check that verify reuses the graphs lock stored in the local repository (opted in, as CI
// needs to be). Then play the poisoned CI cache: change one byte of a dependency's jar and remove that jar from the
// stored graphs, so that a verify trusting them would never look at it.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
String reused = fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo',
        '-Dhermetic.verify.reuseGraphs=true', 'validate'])
assert reused.contains('graph reused') && reused.contains('hashed in'):
        'verify did not reuse the graphs hermetic:lock stored, or did not hash every file'

File plans = new File(basedir, 'repo/.hermetic/build-plans')
int removed = fx.stripStoredGraphs(basedir, ['it.fake', 'lib-a'])
assert removed > 0: "no stored graph named it.fake:lib-a:jar in ${plans}"
fx.flipByte(new File(basedir, 'repo/it/fake/lib-a/1.0/lib-a-1.0.jar'))
// The same command as the check above, which found the stored graphs: it must not trust the forged ones.
String forged = fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo',
        '-Dhermetic.verify.reuseGraphs=true', 'validate'], 1)
new File(basedir, 'forged.log').setText(forged, 'UTF-8')
// The invoker fails a hook script that returns anything but true or null.
true
