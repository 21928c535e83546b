// A real multi-module project from Maven Central, untouched but for the plugin's short declaration
// (lock-fixtures.groovy, realProject) and one .gitignore line.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
File project = fx.realProject(basedir, itMavenHome, itSettingsFile, itLocalRepo, 'org.apache.maven.enforcer:enforcer:3.5.0:zip:source-release',
        'enforcer-3.5.0', itPluginVersion)
// What a user does with a vendored directory they do not commit: ignore it. Apache RAT, bound by the Apache parent,
// reads .gitignore; without this line it fails on the vendored .pom and .sha1 files (1256 "unapproved" files).
new File(project, '.gitignore') << '.hermetic/\n'
// The invoker fails a hook script that returns anything but true or null.
true
