// The plugin as a core extension; lock the reactor in the IT's own local repository. The invoker filters only the POM it runs first.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
fx.coreExtension(basedir, itPluginVersion)
File appPom = new File(basedir, 'app/pom.xml')
appPom.text = appPom.text.replace('@project.version@', itPluginVersion)
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'validate',
        "dev.hermetic:hermetic-maven-plugin:${itPluginVersion}:lock".toString()])
// The invoker fails a hook script that returns anything but true or null.
true
