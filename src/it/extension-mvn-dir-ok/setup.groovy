// The plugin as a core extension only, named in .mvn/extensions.xml; then the one bootstrap command a user runs, `mvn verify hermetic:lock`, in the IT's own local
// repository: the prefix resolves because extension mode added the plugin to every module.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
fx.coreExtension(basedir, itPluginVersion)
new File(basedir, '.mvn/maven.config').delete()
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
// The invoker fails a hook script that returns anything but true or null.
true
