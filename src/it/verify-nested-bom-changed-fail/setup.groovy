// Lock a clean build in the IT's own local repository, then change the BOM that the imported BOM imports.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
File pom = new File(basedir, 'repo/it/fake/bom/1.0/bom-1.0.pom')
pom.text = pom.text.replace('</project>', '  <!-- changed -->\n</project>')
// The invoker fails a hook script that returns anything but true or null.
true
