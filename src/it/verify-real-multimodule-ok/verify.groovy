// An untouched real build, locked and then verified offline from a clean tree: no false alarm.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
File project = new File(basedir, 'enforcer-3.5.0')
File lockfile = new File(project, 'hermetic.lock')
assert lockfile.isFile(): "build 1 (verify hermetic:lock) wrote no ${lockfile}"
List<String> lines = lockfile.readLines('UTF-8')

// Every module of the reactor is named, and none of them is locked (siblings are built from source).
['org.apache.maven.enforcer:enforcer', 'org.apache.maven.enforcer:enforcer-api',
 'org.apache.maven.enforcer:enforcer-rules', 'org.apache.maven.plugins:maven-enforcer-plugin',
 'org.apache.maven.extensions:maven-enforcer-extension'].each { m ->
    assert lines.contains("module ${m}".toString()): "the lockfile does not name module ${m}"
}
assert !lines.any { it.startsWith('org.apache.maven.enforcer:enforcer-api:jar:3.5.0 ') }:
        'a reactor sibling must not be locked'

// Artifact lines are "groupId:artifactId:extension[:classifier]:version <digest> ...". This build uses well over
// 600 artifacts (Maven's API for the rules, the plugins of Apache's parent POM and their dependencies); a
// lower bound catches a collector that silently drops a whole role or module (993 locked on 2026-11-25).
List<String> artifacts = lines.findAll { it ==~ /^[\w.\-]+:[\w.\-]+:\S+ [0-9a-f]{64}\b.*/ }
assert artifacts.size() >= 600: "only ${artifacts.size()} artifacts locked:\n${lines.take(40).join('\n')}"
// One of each role, with what this build really uses.
assert artifacts.any { it.startsWith('org.apache.maven:maven-parent:pom:42 ') }: 'the parent POM is not locked'
assert artifacts.any { it.startsWith('org.apache.maven.plugins:maven-plugin-plugin:jar:') }: 'a declared plugin is missing'
assert artifacts.any { it.startsWith('org.apache.maven.plugins:maven-surefire-plugin:jar:3.2.5 ') }: 'a default plugin is missing'
assert artifacts.any { it.startsWith('org.apache.commons:commons-lang3:jar:') }: 'a module dependency is missing'
assert lines.any { it.contains(' runtime') }: 'nothing that plugins resolved while they ran (spotless) is locked'

String log = new File(basedir, 'build.log').getText('UTF-8')
// Build 2 (offline, clean): verified once for the reactor, with nothing to report, and the real build went on.
List<String> summaries = log.readLines().findAll { it.startsWith('[INFO] hermetic:verify: 5 modules against hermetic.lock') }
assert summaries.size() == 1: "expected one verify summary for the 5-module reactor, got ${summaries}"
assert summaries[0].contains(': 0 errors, 0 warnings, 0 excluded'): summaries[0]
// The findings verify can report (LockfileVerifier), as errors or warnings; spotless prints other "does not exist".
List<String> alarms = log.readLines().findAll {
    it ==~ /.*(is not in the lockfile|Checksum mismatch for |differs from the lockfile's|is in the lockfile but this build does not use it|: file .* does not exist\.).*/
}
assert alarms.isEmpty(): "false alarm on an untouched build:\n${alarms.take(10).join('\n')}"
assert !log.readLines().any { it.startsWith('[ERROR]') }: 'an error in an untouched build'
fx.assertLog(basedir, ['BUILD SUCCESS', 'Building jar: ' + new File(project, 'maven-enforcer-plugin/target/maven-enforcer-plugin-3.5.0.jar').path])
// Both builds: the lock build and the verified one.
assert log.count('[INFO] BUILD SUCCESS') == 2 && !log.contains('BUILD FAILURE')

// Apache RAT, bound by the Apache parent, passes the lockfile with no exclusion: its header says it is generated.
// Build 2 is the one that finds hermetic.lock at the root (build 1 writes it at the end).
List<String> ratChecks = log.readLines().findAll { it.startsWith('[INFO] Rat check: Summary over all files.') }
assert ratChecks.size() == 10: "expected RAT in every module of both builds, got ${ratChecks}"
assert ratChecks.every { it.contains('Unapproved: 0,') }: ratChecks.join('\n')
assert ratChecks[5].contains('generated: 1,'): "RAT did not take hermetic.lock as generated: ${ratChecks[5]}"

// spotless's POM check (sortPom) passed the root POM with the declaration in it, in both builds.
assert log.readLines().count { it.startsWith('[INFO] Spotless.Pom is keeping 1 files clean - 0 needs changes') } == 10

// The short declaration (no <executions>) bound the recommended goals: said once per build, for the 5 modules.
String notice = '[INFO] hermetic: no <executions> declared, so extension mode bound the recommended goals (' +
        'hermetic:verify in validate, hermetic:normalize in package, hermetic:normalize in verify, ' +
        'hermetic:sign in verify) in 5 modules; to choose them yourself, declare <executions> for the plugin'
assert log.readLines().count { it == notice } == 2: 'expected the bindings notice once in each build'
// normalize rewrote each module's jar in package (then saw it unchanged in verify), the same bytes in both builds.
['enforcer-api', 'enforcer-rules', 'maven-enforcer-plugin', 'maven-enforcer-extension'].each { m ->
    List<String> digests = (log =~ /NORMALIZED\s+${m}-3\.5\.0\.jar sha256:([0-9a-f]{64})/).collect { it[1] }
    assert digests.size() == 2 && digests[0] == digests[1]: "${m}: NORMALIZED in each build with one digest: ${digests}"
    assert (log =~ /UNCHANGED\s+${m}-3\.5\.0\.jar sha256:${digests[0]}/).count == 2
}
// No key: sign signed nothing and said so, once per module and build; no signature on disk.
List<String> notSigning = log.readLines().findAll { it.startsWith('[INFO] Not signing org.apache.maven.') }
assert notSigning.size() == 10 && notSigning.every { it.contains(': no key in the environment variable MAVEN_GPG_KEY') }
List<File> signatures = []
project.eachFileRecurse { if (it.name.endsWith('.asc')) signatures << it }
assert signatures.isEmpty(): "signed without a key: ${signatures}"
// The invoker fails a hook script that returns anything but true or null.
true
