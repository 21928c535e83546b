// One lockfile, two builds: each lock keeps the other build's entries, each build passes against its own entries,
// and following the command the plugin suggests for a third build keeps all of them passing.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
File lockfile = new File(basedir, 'hermetic.lock')
List<String> repo = ['-Dmaven.repo.local=repo']
String unused = 'but this build does not use it'

fx.maven(basedir, itMavenHome, itSettingsFile, repo + ['verify', 'hermetic:lock'])
String release = fx.maven(basedir, itMavenHome, itSettingsFile, repo + ['verify', 'hermetic:lock', '-Prelease'])
assert release.contains("for build 'release' (-Prelease): ") && release.contains('the lockfile locks 2 builds (default, release)'): release

List<String> lines = lockfile.readLines()
assert lines.containsAll(['format 3', 'build default -', 'build release release']): lines.join('\n')
Closure<String> line = { String coordinates -> lines.find { it.startsWith(coordinates + ' ') } }
// What only the release uses is locked for it only; what both use, for every build.
assert line('org.apache.maven.plugins:maven-source-plugin:jar:3.3.1')?.endsWith(' release'): lines.join('\n')
assert line('it.fake:lib-d:jar:1.0')?.endsWith(' release'): lines.join('\n')
assert line('it.fake:lib-a:jar:1.0')?.endsWith(' *'): lines.join('\n')

// Both builds pass, neither sees the other's entries as unused.
for (List<String> build : [['verify'], ['verify', '-Prelease']]) {
    String out = fx.maven(basedir, itMavenHome, itSettingsFile, repo + build)
    assert out.contains(': 0 errors, 0 warnings') && !out.contains(unused): out
}

// The everyday build under the release's profiles, named as the everyday build: what only the release locked is
// not locked here, and the message says for which build it is.
String misnamed = fx.maven(basedir, itMavenHome, itSettingsFile,
        repo + ['verify', '-Prelease', '-Dhermetic.build=default'], 1)
assert misnamed.contains('it.fake:lib-d:jar:1.0 (dependency of it.hermetic:lock-profiles, SHA-256 ') : misnamed
assert misnamed.contains("is not in the lockfile for build 'default' (-Prelease) (locked for build release only)") : misnamed
assert misnamed.contains('run `mvn verify hermetic:lock -Prelease -Dhermetic.build=default`') : misnamed

// A build the lockfile does not lock: one error naming it, the builds locked, and the command that locks it.
String other = fx.maven(basedir, itMavenHome, itSettingsFile, repo + ['verify', '-Pother'], 1)
assert other.contains("does not lock this build, 'other' (-Pother): it locks the builds 'default' (no profiles), " +
        "'release' (-Prelease). Lock this build with `mvn verify hermetic:lock -Pother`"): other
List<String> suggested = (other =~ /(?:run|with) `(mvn [^`]+)`/).collect { it[1] }.unique()
assert suggested == ['mvn verify hermetic:lock -Pother']: "suggested ${suggested}:\n${other}"

// Following it: the build passes, and so does every build locked before.
fx.maven(basedir, itMavenHome, itSettingsFile, repo + (suggested[0].split(' ').drop(1) as List))
assert lockfile.readLines().containsAll(['build default -', 'build other other', 'build release release'])
for (List<String> build : [['verify', '-Pother'], ['verify']]) {
    String out = fx.maven(basedir, itMavenHome, itSettingsFile, repo + build)
    assert out.contains(': 0 errors, 0 warnings') && !out.contains(unused): out
}
// A dependency every build uses, locked for the everyday build only: the lock names the other builds' commands,
// and following them keeps every build passing (the invoker's own release build checks the last one).
File pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replaceFirst('(?s)(<dependencies>\\s*<dependency>)', '''<dependencies>
    <dependency>
      <groupId>it.fake</groupId>
      <artifactId>lib-c</artifactId>
      <version>1.0</version>
    </dependency>
    <dependency>''')
String relocked = fx.maven(basedir, itMavenHome, itSettingsFile, repo + ['verify', 'hermetic:lock'])
assert relocked.contains("Build 'default' (no profiles) now uses other artifacts (2 added, 0 removed); the " +
        "lockfile's other builds were not run. If the change reaches them too, lock each of them: " +
        "`mvn verify hermetic:lock -Pother`, `mvn verify hermetic:lock -Prelease`"): relocked
List<String> others = (relocked =~ /`(mvn verify hermetic:lock -P[a-z]+)`/).collect { it[1] }.unique()
assert others == ['mvn verify hermetic:lock -Pother', 'mvn verify hermetic:lock -Prelease']: others
others.each { fx.maven(basedir, itMavenHome, itSettingsFile, repo + (it.split(' ').drop(1) as List)) }
assert lockfile.readLines().find { it.startsWith('it.fake:lib-c:jar:1.0 ') }?.endsWith(' *'): lockfile.text
String everyday = fx.maven(basedir, itMavenHome, itSettingsFile, repo + ['verify'])
assert everyday.contains(': 0 errors, 0 warnings') && !everyday.contains(unused): everyday
// The invoker fails a hook script that returns anything but true or null.
true
