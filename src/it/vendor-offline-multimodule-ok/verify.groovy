// The proof of hermetic:vendor: the online build (with its tests) was locked and vendored; now a clean copy of the tree
// is built again, tests included, inside a network namespace with only a loopback (unshare --net), with an empty local
// repository and the vendored directory as its only repository (the settings.xml vendor wrote). It must succeed, take
// every file from the vendored directory, and give the online build's archives byte for byte.
import java.nio.file.Files

def repro = evaluate(new File(itLib, 'reproducibility.groovy'))
// The offline build waits without holding up other ITs' hook scripts.
def scriptLock = evaluate(new File(itLib, 'script-lock.groovy'))
File project = new File(basedir, 'enforcer-3.5.0')
String mirrorId = 'hermetic-vendor'
File vendored = new File(project, '.hermetic/repository')
File vendorSettings = new File(project, '.hermetic/settings.xml')

// --- the online build: tested, locked, vendored ---------------------------------------------------------------------
String online = new File(basedir, 'build.log').getText('UTF-8')
// The module summaries of surefire: the offline build must run the same tests.
List<String> testSummaries = online.readLines().findAll { it ==~ /\[INFO\] Tests run: \d+, Failures: 0, Errors: 0, Skipped: \d+/ }
assert testSummaries.size() >= 2 && testSummaries.sum { (it =~ /Tests run: (\d+)/)[0][1] as int } >= 200:
        "the online build ran too few unit tests: ${testSummaries}"
assert new File(project, 'hermetic.lock').isFile(): 'hermetic:lock wrote no hermetic.lock'
assert vendored.isDirectory() && vendorSettings.isFile(): "hermetic:vendor wrote no ${vendored} and ${vendorSettings}"
// Vendored once for the reactor, and the goal says how to use it.
assert online.count('hermetic:vendor: ' + vendored.canonicalPath) == 1: 'expected one vendor summary'
List<String> advice = null
online.readLines().each { line ->
    def m = line =~ /hermetic:vendor: wrote .*; to build from the vendored repository alone, run from (.+): mvn (.+)$/
    if (m.find()) {
        advice = [m.group(1), m.group(2)]
    }
}
assert advice != null && new File(advice[0]).canonicalPath == project.canonicalPath: "no advice to build from ${project}"
// setup.groovy's .gitignore line is the one the goal asks for: no warning.
assert !online.contains('hermetic:vendor: add the line'): 'hermetic:vendor asks for a .gitignore line setup.groovy wrote'
String settingsXml = vendorSettings.getText('UTF-8')
assert settingsXml.contains("<id>${mirrorId}</id>") && settingsXml.contains('<mirrorOf>*</mirrorOf>') &&
        settingsXml.contains('<url>file:'): "not a mirror of everything to a file: url:\n${settingsXml}"
// The reactor's own modules are built, never vendored (the build uses the enforcer plugin's previous release, 3.4.1).
['org/apache/maven/enforcer/enforcer-api', 'org/apache/maven/enforcer/enforcer-rules',
 'org/apache/maven/plugins/maven-enforcer-plugin', 'org/apache/maven/extensions/maven-enforcer-extension'].each {
    assert !new File(vendored, "${it}/3.5.0").exists(): "a reactor module was vendored: ${it}/3.5.0"
}
assert new File(vendored, 'org/apache/maven/enforcer/enforcer-api/3.4.1/enforcer-api-3.4.1.jar').isFile()
Map<String, String> onlineArchives = repro.archiveDigests(basedir)
assert onlineArchives.keySet().findAll { it.endsWith('.jar') }.size() >= 4: "too few jars built online: ${onlineArchives}"

// --- the network namespace ------------------------------------------------------------------------------------------
// Made by root with unshare (util-linux); this project's CI runs as root on Linux. Where it cannot be made, say so; under
// CI=true fail rather than let the proof silently stop running.
String namespaceRefusal // null when the namespace can be made
try {
    Process probe = new ProcessBuilder('unshare', '--net', 'true').redirectErrorStream(true).start()
    namespaceRefusal = probe.inputStream.getText('UTF-8').trim()
    namespaceRefusal = probe.waitFor() == 0 ? null : namespaceRefusal
} catch (IOException e) {
    namespaceRefusal = e.message
}
if (namespaceRefusal != null) {
    String why = "vendor-offline-multimodule-ok: cannot make a network namespace (`unshare --net true`: ${namespaceRefusal}); " +
            'it needs root (or CAP_SYS_ADMIN) on Linux, so the offline build was NOT run and nothing is proven'
    String ci = System.getenv('CI')
    if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase('false')) {
        throw new AssertionError("${why}. CI is set (CI=${ci}): on CI the namespace must be available.")
    }
    println "WARNING: ${why} (under CI=true this fails)."
    return true
}

// --- the offline build ----------------------------------------------------------------------------------------------
// A clean copy of the tree elsewhere (no target/, no logs), the vendored directory inside it, as a user would carry it
// to an air-gapped machine; an empty local repository.
File copy = repro.copySources(basedir)
File copyProject = new File(copy, project.name)
// The command hermetic:vendor printed, run from the reactor root, as printed: its local repository is in the copy and
// must start empty.
List<String> arguments = advice[1].split(' ') as List
assert arguments.contains('-Dmaven.repo.local=.hermetic/local-repository') && arguments.last() == 'verify': advice[1]
File emptyRepo = new File(copyProject, '.hermetic/local-repository')
assert !emptyRepo.exists(): "${emptyRepo} is not empty"
File offlineLog = new File(basedir, 'offline-build.log')
List<String> mvn = [new File(itMavenHome, 'bin/mvn').absolutePath, '-B'] + arguments
ProcessBuilder pb = new ProcessBuilder(['unshare', '--net', '--'] + mvn).directory(copyProject)
        .redirectErrorStream(true).redirectOutput(offlineLog)
pb.environment().remove('MAVEN_ARGS')
pb.environment().put('MAVEN_OPTS', binding.hasVariable('itMavenOpts') ? itMavenOpts : '')
['MAVEN_GPG_KEY', 'MAVEN_GPG_KEY_FINGERPRINT', 'MAVEN_GPG_PASSPHRASE'].each { pb.environment().remove(it) }
long started = System.nanoTime()
int exit = scriptLock.waitFor(pb.start())
println "Offline build in a network namespace: exit ${exit}, ${(System.nanoTime() - started).intdiv(1_000_000_000)} s; log ${offlineLog}"
String offline = offlineLog.getText('UTF-8')
List<String> offlineLines = offline.readLines()
assert exit == 0 && offline.contains('[INFO] BUILD SUCCESS'):
        "the offline build failed (exit ${exit}); ${offlineLog} ends:\n${offlineLines.takeRight(60).join('\n')}"

// The same tests ran, and passed.
assert offlineLines.findAll { it ==~ /\[INFO\] Tests run: \d+, Failures: 0, Errors: 0, Skipped: \d+/ } == testSummaries
// Every file came from the vendored mirror; nothing tried another repository or the network.
List<String> elsewhere = offlineLines.findAll { it ==~ /.*Download(ing|ed) from (?!${mirrorId}:).*/ }
assert elsewhere.isEmpty(): "downloads from outside the vendored directory:\n${elsewhere.take(10).join('\n')}"
assert offlineLines.count { it.contains("Downloaded from ${mirrorId}: ") } > 100
List<String> networkTrouble = offlineLines.findAll {
    it ==~ /.*(UnknownHost|Network is unreachable|Connection refused|Could not transfer|Could not resolve|offline mode).*/
}
assert networkTrouble.isEmpty(): "the offline build tried to reach a network:\n${networkTrouble.take(10).join('\n')}"
// The empty local repository holds only files from the vendored directory, each recorded as from the mirror, besides
// Resolver's bookkeeping and hermetic:verify's records of the graphs it checked (.hermetic/, written, not downloaded).
List<String> strangers = []
Files.walk(emptyRepo.toPath()).withCloseable { paths ->
    paths.filter { Files.isRegularFile(it) }.forEach { p ->
        String rel = emptyRepo.toPath().relativize(p).toString()
        String name = p.fileName.toString()
        if (name == '_remote.repositories') {
            p.toFile().readLines('UTF-8').findAll { it.contains('>') }.each { line ->
                if (!line.endsWith(">${mirrorId}=")) {
                    strangers << "${rel}: ${line}"
                }
            }
        } else if (!(name ==~ /.*\.lastUpdated|resolver-status\.properties|maven-metadata-.*\.xml/)
                && !rel.startsWith('.hermetic/') && !new File(vendored, rel).isFile()) {
            strangers << "${rel}: not in the vendored directory"
        }
    }
}
assert strangers.isEmpty(): "the local repository holds files not taken from ${mirrorId}:\n${strangers.take(10).join('\n')}"
// The lockfile was verified before the build went on (the recommended bindings' hermetic:verify).
assert offlineLines.any { it.startsWith('[INFO] hermetic:verify: 5 modules against hermetic.lock') && it.contains(': 0 errors,') }:
        offlineLines.findAll { it.contains('hermetic:verify') }.join('\n')

// --- the same outputs -----------------------------------------------------------------------------------------------
Map<String, String> offlineArchives = repro.archiveDigests(copy)
List<String> differences = (onlineArchives.keySet() + offlineArchives.keySet()).toSorted().unique().findAll {
    onlineArchives[it] != offlineArchives[it]
}.collect { "${it}: online ${onlineArchives[it]}, offline ${offlineArchives[it]}" }
assert differences.isEmpty(): "the offline build's archives differ from the online build's:\n  ${differences.join('\n  ')}" +
        "\nCompare with: diffoscope ${basedir}/<path> ${copy}/<path>"
println "Identical online and offline: ${onlineArchives.size()} archives"
onlineArchives.each { path, sha -> println "  ${sha}  ${path}" }
// The invoker fails a hook script that returns anything but true or null.
true
