// A bare project grades Basic: the log shows the level, the table and each failing check's fix, grouped by the level
// that needs it; target/ holds the Markdown page and the JSON report; the build is not failed (report only). A stale
// comparison report in target/ counts for nothing.
import groovy.json.JsonSlurper

String mavenVersion = (new File(basedir, 'build.log').getText('UTF-8') =~ /Maven (3\.\d+\.\d+) uses/)[0][1]

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS')
assert log =~ /hermetic:audit: BASIC \(builds with Maven\), \d+ of 18 checks pass; next: BRONZE \(inputs pinned\), 2 checks to fix/
assert log.contains('To reach BRONZE:')
assert log.contains('  - plugin-versions (every plugin of the build plan has its version in a POM (not from Maven\'s defaults)): FAIL')
// The plugins Maven binds by default to a jar's lifecycle, each named with the version Maven's defaults give it.
['maven-resources-plugin', 'maven-compiler-plugin', 'maven-surefire-plugin', 'maven-jar-plugin',
 'maven-install-plugin', 'maven-deploy-plugin', 'maven-clean-plugin'].each { plugin ->
    assert log =~ /org\.apache\.maven\.plugins:${plugin}: no version in any POM, Maven 3\.\d+\.\d+ uses [\d.]+ from its defaults \(module it\.hermetic:audit-basic\)/: "${plugin} not named"
}
assert !log.contains('maven-site-plugin'): 'the site lifecycle is not part of the build'
assert log.contains('  - jdk-pinned (')
assert log =~ /fix: Set the Java release you target in the root POM's <properties> \(the JDK running this build is \d+\)/
// Every failing check of the higher levels too: one failure never hides another.
['Then, for SILVER:', '  - maven-wrapper (', '  - output-timestamp (', '  - normalize-bound (', '  - line-endings (',
 'Then, for GOLD:', '  - lockfile (', '      no lockfile at ', '  - signing (', '  - digest-manifest (',
 'Then, for PLATINUM:', '  - trusted-checksums (', '  - provenance (', '  - sbom (', '  - buildinfo (', '  - rebuild-compared ('].each {
    assert log.contains(it): "the log does not show: ${it}"
}
assert log.contains('hermetic:audit audits the whole reactor') == false
// The stale report setup.groovy left in target/ does not pass rebuild-compared: its digests are not the files'.
assert log =~ /target\/hermetic-compare\.json: identical \(rebuild comparison result: 2 files match, 0 differ\), not proven to be about this build's outputs as they are now: audit-basic-1\.0\.jar: \S+audit-basic-1\.0\.jar, which it compared, is not there now; audit-basic-1\.0\.pom: \S+pom\.xml is not the file it compared \(SHA-256 0{64} then, [0-9a-f]{64} now/
assert log.contains('fix: Run hermetic:compare once the outputs are built, then the audit: ')

File markdown = new File(basedir, 'target/hermetic-audit.md')
String md = markdown.getText('UTF-8')
assert md.startsWith('# hermetic:audit: Basic\n')
assert md.contains('| Bronze | `plugin-versions` | **FAIL** |')
assert md.contains('<pluginManagement>') && md.contains('<artifactId>maven-compiler-plugin</artifactId><version>')

def json = new JsonSlurper().parse(new File(basedir, 'target/hermetic-audit.json'))
assert json.format == 'hermetic-audit/1'
assert json.level == 'BASIC'
assert json.checks.size() == 18
assert json.checks.findAll { it.status != 'pass' }.every { it.fix }
assert json.checks.find { it.id == 'dynamic-versions' }.status == 'pass'
assert json.checks.find { it.id == 'rebuild-compared' }.status == 'fail'
// The ITs' settings.xml adds a repository in a profile: settings, not a POM, so no mirror is asked of it.
assert json.checks.find { it.id == 'repositories-mirror' }.status == 'pass'
// Maven 3.8 has no trusted checksums: never a pass, and the reason is given.
if (mavenVersion.startsWith('3.8')) {
    assert json.checks.find { it.id == 'trusted-checksums' }.status == 'unavailable'
    assert log.contains('Maven 3.8.8 has no trusted checksums (Maven Resolver 1.9, in Maven 3.9 and later)')
}
return true
