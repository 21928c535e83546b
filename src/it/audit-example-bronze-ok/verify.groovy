// examples/hello as committed grades Bronze: its inputs are pinned and locked, its archives normalized, signed and
// described (SBOM, provenance), but Maven itself is not pinned (no wrapper at its root) and no .gitattributes pins line
// endings, so Silver is not reached; resolver trusted checksums, a .buildinfo and a compared rebuild are also missing for Platinum.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS')
assert log =~ /hermetic:audit: BRONZE \(inputs pinned\), 13 of 18 checks pass; next: SILVER \(reproducible outputs\), 2 checks to fix/
assert log =~ /GOLD      lockfile             pass          hermetic:verify: 1 module against hermetic\.lock: \d+ artifacts verified/
assert log.contains('To reach SILVER:\n[INFO]   - maven-wrapper (Maven Wrapper with distributionSha256Sum): FAIL')
assert log.contains('  - line-endings (.gitattributes pins the line endings of text sources): FAIL')

def json = new JsonSlurper().parse(new File(basedir, 'hello/target/hermetic-audit.json'))
Map status = json.checks.collectEntries { [it.id, it.status] }
assert json.level == 'BRONZE'
assert status.findAll { it.value != 'pass' }.keySet() == ['maven-wrapper', 'trusted-checksums', 'line-endings',
        'buildinfo', 'rebuild-compared'] as Set: "${status}"
// The plugin the example runs is its own development version: named, not counted.
assert json.checks.find { it.id == 'dynamic-versions' }.evidence.any { it.startsWith('not counted: dev.hermetic:hermetic-maven-plugin') }
assert new File(basedir, 'hello/target/hermetic-audit.md').getText('UTF-8').startsWith('# hermetic:audit: Bronze\n')
return true
