// Lock a clean build in the IT's own local repository, then change the BOM that the imported BOM imports.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.lockThenChangePom(basedir, itLocalRepo, itPluginVersion, itMavenHome, itSettingsFile, 'bom')
// The invoker fails a hook script that returns anything but true or null.
true
