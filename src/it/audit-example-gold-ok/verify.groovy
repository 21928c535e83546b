// examples/hello as committed grades Gold: inputs pinned and locked, Maven pinned by its wrapper, line endings pinned,
// archives normalized, signed and described (SBOM, provenance). Platinum is out of reach for the example alone:
// trusted checksums stay off because the example runs the plugin's development build, whose bytes change with every
// commit (failIfMissing would refuse it); it binds no hermetic:buildinfo, whose file would name no <scm> (the example
// has no public repository of its own); and a compared rebuild is a run, not a committed file.
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS')
assert log =~ /hermetic:audit: GOLD \(locked and signed\), 15 of 18 checks pass; next: PLATINUM \(proven\), 3 checks to fix/
assert log =~ /GOLD      lockfile             pass          hermetic:verify: 1 module against hermetic\.lock: \d+ artifacts verified/
assert log.contains('To reach PLATINUM:\n[INFO]   - trusted-checksums')

def json = new JsonSlurper().parse(new File(basedir, 'hello/target/hermetic-audit.json'))
Map status = json.checks.collectEntries { [it.id, it.status] }
assert json.level == 'GOLD'
assert status.findAll { it.value != 'pass' }.keySet() == ['trusted-checksums', 'buildinfo', 'rebuild-compared'] as Set: "${status}"
// The plugin the example runs is its own development version: named, not counted.
assert json.checks.find { it.id == 'dynamic-versions' }.evidence.any { it.startsWith('not counted: dev.hermetic:hermetic-maven-plugin') }
assert new File(basedir, 'hello/target/hermetic-audit.md').getText('UTF-8').startsWith('# hermetic:audit: Gold\n')
return true
