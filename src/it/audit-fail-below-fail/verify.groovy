// Below the required level the build fails: the message names the level reached, the level required and every
// check between the two with its fix; the reports are written first.
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD FAILURE')
assert log.contains('hermetic:audit: this build is at BRONZE, GOLD is required (hermetic.audit.failBelow). To reach GOLD, fix:')
['  - maven-wrapper [SILVER]: no .mvn/wrapper/maven-wrapper.properties at the build\'s root',
 '  - output-timestamp [SILVER]: project.build.outputTimestamp is not set',
 '  - normalize-bound [SILVER]: hermetic:normalize is not bound in module it.hermetic:audit-fail-below',
 '  - line-endings [SILVER]: no .gitattributes',
 '  - lockfile [GOLD]: no lockfile at ',
 '  - signing [GOLD]: ', '  - digest-manifest [GOLD]: ',
 '    fix: Lock the build, review the lockfile and commit it'].each {
    assert log.contains(it): "the failure does not show: ${it}"
}
// Platinum's checks are not required, so the failure does not list them (the table above it does).
assert !log.contains('  - provenance [PLATINUM]')
assert log.contains('Every check, with what to paste: ')
assert new File(basedir, 'target/hermetic-audit.md').isFile()
assert new File(basedir, 'target/hermetic-audit.json').isFile()
return true
