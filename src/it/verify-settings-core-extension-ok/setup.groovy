// The plugin as a core extension; lock the reactor in the IT's own local repository. The invoker filters only the POM it runs first.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
File extensions = new File(basedir, '.mvn/extensions.xml')
extensions.parentFile.mkdirs()
extensions.text = """<extensions>
  <extension>
    <groupId>dev.hermetic</groupId>
    <artifactId>hermetic-maven-plugin</artifactId>
    <version>${itPluginVersion}</version>
  </extension>
</extensions>
"""
File appPom = new File(basedir, 'app/pom.xml')
appPom.text = appPom.text.replace('@project.version@', itPluginVersion)
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'validate',
        "dev.hermetic:hermetic-maven-plugin:${itPluginVersion}:lock".toString()])
// The invoker fails a hook script that returns anything but true or null.
true
