// The poisoned CI cache (issue 12): a pull request adds a dependency the lockfile does not hold, and the local
// repository it builds with holds a stored graph, for exactly that build, that leaves the new dependency out. Verify
// must not reuse it: collected afresh, the graph names the dependency and verify fails.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
fx.addLibC(basedir)
// The forger's graph for the new build: written by a verify that was told to let lib-c pass (this plugin's own
// properties are not part of a stored graph's key), then stripped of lib-c.
File plans = new File(basedir, 'repo/.hermetic/build-plans')
plans.deleteDir()
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', '-Dhermetic.verify.reuseGraphs=true',
        '-Dhermetic.verify.excludes=it.fake:lib-c', 'validate'])
int removed = fx.stripStoredGraphs(basedir, ['it.fake', 'lib-c'])
assert removed > 0: "no stored graph named it.fake:lib-c in ${plans}"
// The invoker fails a hook script that returns anything but true or null.
true
