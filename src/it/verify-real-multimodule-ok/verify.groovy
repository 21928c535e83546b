// An untouched real build with the short declaration, its everyday and release builds locked into one lockfile and
// then each verified offline from a clean tree: no false alarm, RAT and spotless pass, the release signs.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
def sign = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
File project = new File(basedir, 'enforcer-3.5.0')
File lockfile = new File(project, 'hermetic.lock')
assert lockfile.isFile(): "builds 1 and 2 (verify hermetic:lock) wrote no ${lockfile}"
List<String> lines = lockfile.readLines('UTF-8')

// Every module of the reactor is named, and none of them is locked (siblings are built from source).
['org.apache.maven.enforcer:enforcer', 'org.apache.maven.enforcer:enforcer-api',
 'org.apache.maven.enforcer:enforcer-rules', 'org.apache.maven.plugins:maven-enforcer-plugin',
 'org.apache.maven.extensions:maven-enforcer-extension'].each { m ->
    assert lines.contains("module ${m}".toString()): "the lockfile does not name module ${m}"
}
assert !lines.any { it.startsWith('org.apache.maven.enforcer:enforcer-api:jar:3.5.0 ') }:
        'a reactor sibling must not be locked'
// Both builds, named as hermetic:lock names them: the -P profiles, or default.
assert lines.containsAll(['build apache-release apache-release', 'build default -']): lines.findAll { it.startsWith('build ') }

// Artifact lines are "groupId:artifactId:extension[:classifier]:version <digest> <roles> <scopes> <modules> <plugins>
// <builds>". The everyday build uses well over 600 artifacts (Maven's API for the rules, the plugins of Apache's
// parent POM and their dependencies); a lower bound catches a collector that silently drops a whole role or module
// (993 locked on 2026-11-25).
List<String> artifacts = lines.findAll { it ==~ /^[\w.\-]+:[\w.\-]+:\S+ [0-9a-f]{64}\b.*/ }
assert artifacts.count { it.endsWith(' *') || it.split(' ')[-1].split(',').contains('default') } >= 600:
        "only ${artifacts.size()} artifacts locked:\n${lines.take(40).join('\n')}"
Closure<String> line = { String prefix -> artifacts.find { it.startsWith(prefix) } }
// One of each role, with what this build really uses; what both builds use is marked *, the release's own plugins
// apache-release only.
assert line('org.apache.maven:maven-parent:pom:42 ')?.endsWith(' *'): 'the parent POM is not locked for both builds'
assert line('org.apache.maven.plugins:maven-plugin-plugin:jar:'): 'a declared plugin is missing'
assert line('org.apache.maven.plugins:maven-surefire-plugin:jar:3.2.5 '): 'a default plugin is missing'
assert line('org.apache.commons:commons-lang3:jar:'): 'a module dependency is missing'
assert lines.any { it.contains(' runtime') }: 'nothing that plugins resolved while they ran (spotless) is locked'
['net.nicoulaj.maven.plugins:checksum-maven-plugin:jar:1.11 ', 'org.apache.maven.plugins:maven-javadoc-plugin:jar:',
 'org.apache.maven.plugins:maven-gpg-plugin:jar:', 'org.cyclonedx:cyclonedx-maven-plugin:jar:2.8.0 ',
 'org.apache.apache.resources:apache-source-release-assembly-descriptor:jar:'].each { prefix ->
    assert line(prefix)?.endsWith(' apache-release'): "not locked for the release build only: ${prefix} -> ${line(prefix)}"
}

String log = new File(basedir, 'build.log').getText('UTF-8')
List<String> logLines = log.readLines()
// Builds 3 and 4 (offline, clean): each verified once for the reactor against its own entries, with nothing to
// report, and the real build went on.
List<String> summaries = logLines.findAll { it.startsWith('[INFO] hermetic:verify: 5 modules against hermetic.lock') }
assert summaries.size() == 2: "expected one verify summary in each verified build, got ${summaries}"
assert summaries[0].contains('(build default)') && summaries[1].contains('(build apache-release)'): summaries.join('\n')
assert summaries.every { it.contains(': 0 errors, 0 warnings, 0 excluded') }: summaries.join('\n')
// The findings verify can report (LockfileVerifier), as errors or warnings; spotless prints other "does not exist".
List<String> alarms = logLines.findAll {
    it ==~ /.*(is not in the lockfile|Checksum mismatch for |differs from the lockfile's|does not use it|locked for build|: file .* does not exist\.).*/
}
assert alarms.isEmpty(): "false alarm on an untouched build:\n${alarms.take(10).join('\n')}"
assert !logLines.any { it.startsWith('[ERROR]') }: 'an error in an untouched build'
fx.assertLog(basedir, ['BUILD SUCCESS', 'Building jar: ' + new File(project, 'maven-enforcer-plugin/target/maven-enforcer-plugin-3.5.0.jar').path])
assert log.count('[INFO] BUILD SUCCESS') == 4 && !log.contains('BUILD FAILURE')

// Apache RAT, bound by the Apache parent, passes the lockfile with no exclusion: its header says it is generated.
// Builds 2 to 4 find hermetic.lock at the root (build 1 writes it at the end).
List<String> ratChecks = logLines.findAll { it.startsWith('[INFO] Rat check: Summary over all files.') }
assert ratChecks.size() == 20: "expected RAT in every module of the 4 builds, got ${ratChecks}"
assert ratChecks.every { it.contains('Unapproved: 0,') }: ratChecks.join('\n')
[5, 10, 15].each { assert ratChecks[it].contains('generated: 1,'): "RAT did not take hermetic.lock as generated: ${ratChecks[it]}" }
// spotless's POM check (sortPom) passed the root POM with the declaration in it, in every build.
assert logLines.count { it.startsWith('[INFO] Spotless.Pom is keeping 1 files clean - 0 needs changes') } == 20

// The short declaration (no <executions>) bound the recommended goals: said once per build, for the 5 modules.
String notice = '[INFO] hermetic: no <executions> declared, so extension mode bound the recommended goals (' +
        'hermetic:verify in validate, hermetic:normalize in package, hermetic:normalize in verify, ' +
        'hermetic:sbom in verify, hermetic:provenance in verify, hermetic:sign in verify) in 5 modules; to choose them yourself, declare <executions> for the plugin'
assert logLines.count { it == notice } == 4: 'expected the bindings notice once in each build'
// normalize rewrote each module's jar in package (then saw it unchanged in verify): the same bytes in every build,
// everyday or release.
['enforcer-api', 'enforcer-rules', 'maven-enforcer-plugin', 'maven-enforcer-extension'].each { m ->
    List<String> normalized = (log =~ /NORMALIZED\s+${m}-3\.5\.0\.jar sha256:([0-9a-f]{64})/).collect { it[1] }
    List<String> seen = (log =~ /(?:NORMALIZED|UNCHANGED)\s+${m}-3\.5\.0\.jar sha256:([0-9a-f]{64})/).collect { it[1] }
    assert normalized.size() >= 3 && seen.unique(false).size() == 1: "${m}: ${seen}"
}
// No key in builds 1 to 3: nothing signed, no provenance written, said once per module and build (by provenance,
// for sign too).
List<String> notSigning = logLines.findAll { it.startsWith('[INFO] Not signing org.apache.maven.') }
assert notSigning.size() == 15 && notSigning.every {
    it.contains(' nor writing its provenance: no key in the environment variable MAVEN_GPG_KEY') }
assert !log.contains('Not writing provenance')

// Build 4, the release: every module signed with the key file, and the source-release zip's .sha512 that
// checksum-maven-plugin attached is left in place, not replaced (no "replace previous instance" from Maven).
assert logLines.count { it ==~ /\[INFO\] Signed \d+ files of org\.apache\.maven\.[\w.\-]+:[\w.\-]+:[\w\-]+:3\.5\.0; attached .*/ } == 5
// ... and its provenance written first, verified against the lockfile, then signed with the rest.
assert logLines.count { it ==~ /\[INFO\] Wrote [\w.\-]+-3\.5\.0\.intoto\.jsonl: \d+ subjects, \d+ dependencies \(verified against hermetic\.lock\).*/ } == 5
['enforcer-api', 'enforcer-rules', 'maven-enforcer-plugin', 'maven-enforcer-extension'].each { m ->
    assert new File(project, "${m}/target/hermetic-sign/${m}-3.5.0.intoto.jsonl.asc").isFile(): "${m}: provenance not signed"
}
File zip = new File(project, 'target/enforcer-3.5.0-source-release.zip')
assert logLines.count { it == '[INFO] Left in place what another plugin already attached under the same coordinates, ' +
        "rather than replace it: ${zip.name}.sha512 (from ${zip.path}.sha512)" } == 1
assert !log.contains('replace previous instance')
// Build 2: cyclonedx-maven-plugin (the Apache parent's release profile) attached each module's SBOM first, under the
// coordinates hermetic:sbom uses: left in place, said once per module, not replaced.
assert logLines.count { it.startsWith('[INFO] Not writing the SBOM of org.apache.maven.') &&
        it.contains('another plugin already attached one under the same coordinates') } == 5
Map gpg = sign.gpgVerify(new File(project, "target/hermetic-sign/${zip.name}.asc"), zip, new File(basedir, 'keys/public.asc'))
assert gpg.ok: "gpg rejects the source-release zip's signature: ${gpg.output}"
// The invoker fails a hook script that returns anything but true or null.
true
