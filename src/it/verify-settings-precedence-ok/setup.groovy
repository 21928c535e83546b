// Lock both builds (extension mode here, the plain goal in goal/) in the IT's own local repository.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
// The invoker filters only the POM it runs first.
File goalPom = new File(basedir, 'goal/pom.xml')
goalPom.text = goalPom.text.replace('@project.version@', itPluginVersion)
String repo = '-Dmaven.repo.local=' + new File(basedir, 'repo').absolutePath
fx.maven(basedir, itMavenHome, itSettingsFile, [repo, 'validate', 'hermetic:lock'])
fx.maven(new File(basedir, 'goal'), itMavenHome, itSettingsFile, [repo, 'validate', 'hermetic:lock'])
// The invoker fails a hook script that returns anything but true or null.
true
