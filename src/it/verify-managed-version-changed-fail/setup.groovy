// Lock a clean build in the IT's own local repository, then let dependencyManagement move a transitive dependency to another version.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
File pom = new File(basedir, 'pom.xml')
// Declared before the BOM import, so it wins: lib-a's dependency lib-b goes from 1.0 to 1.1.
pom.text = pom.text.replace('<dependencyManagement>\n    <dependencies>', '<dependencyManagement>\n    <dependencies>\n      <dependency><groupId>it.fake</groupId><artifactId>lib-b</artifactId><version>1.1</version></dependency>')
assert pom.text.contains('<version>1.1</version>')
// The invoker fails a hook script that returns anything but true or null.
true
