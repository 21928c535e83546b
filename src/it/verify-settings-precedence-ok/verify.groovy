// Both modes give the mojo's precedence: the POM's <rangePolicy>warn</rangePolicy> wins over
// -Dhermetic.verify.rangePolicy=fail (the range only warns), while -Dhermetic.verify.excludes replaces the POM's
// <excludes> list (Maven's collection converter reads the property before the list's items).
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
String log = new File(basedir, 'build.log').getText('UTF-8')
['settings-precedence-extension', 'settings-precedence-goal'].each { module ->
    fx.assertLog(basedir, ["[WARNING] Dependency it.fake:lib-c in module it.hermetic:${module}: '[1.0,2.0)' is a version range".toString()])
}
fx.assertLog(basedir, ['hermetic: JVM defaults pinned for this build',
        'Verified before the first mojo ran (extension mode)'])
// Once per mode: the property's pattern, never the POM's.
assert log.count("Excluded by 'it.fake:lib-a'") == 2: 'the -D property did not replace <excludes> in both modes'
assert !log.contains("Excluded by 'it.fake:lib-b'"): 'a mode kept the POM\'s <excludes> over the -D property'
// The invoker fails a hook script that returns anything but true or null.
true
