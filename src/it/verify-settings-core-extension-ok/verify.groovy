// As a core extension (.mvn/extensions.xml) the plugin reads hermetic:verify's configuration from the module that
// declares it, through Maven's planner (whose components a core extension's realm does not see by itself): its
// rangePolicy warn applies, so the range warns instead of failing the build.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.assertLog(basedir, ['hermetic: JVM defaults pinned for this build',
        "[WARNING] Dependency it.fake:lib-c in module it.hermetic:settings-core-extension-app: '[1.0,2.0)' is a version range",
        'hermetic:verify: 2 modules against hermetic.lock'])
// The invoker fails a hook script that returns anything but true or null.
true
