// Shared by the normalize-* ITs (and any IT that must prove a build is reproducible).
//
// Usage from a verify.groovy:
//   def repro = evaluate(new File(itLib, 'reproducibility.groovy'))
//   def first = repro.rebuildAndCompare(basedir, itMavenHome, itSettingsFile, itLocalRepo, ['verify'])
// (itSettingsFile is accepted for symmetry with the invoker's build; the offline rebuild does not need it.)
//
// The invoker's build ran with TZ=UTC, umask 022, the real clock and the project at target/it/<name>
// (see each IT's invoker.properties). This rebuilds a copy of the project's sources, at another path, under
// another time zone, locale, umask and a clock three years ahead, then compares the SHA-256 of every archive
// directly under each module's target/ directory. It throws, listing every difference, if any differ.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.security.MessageDigest
import java.util.HexFormat

class Reproducibility {

    /** The invoker's itMavenOpts, set when this file is evaluated: JVM options that do not change the build. */
    static String mavenOpts = ''

    /** script-lock.groovy: the rebuild runs without holding up other ITs' hook scripts. Set when this file is evaluated. */
    static Class scriptLock

    static final List<String> ARCHIVE_SUFFIXES = ['.jar', '.war', '.ear', '.zip', '.tar', '.tar.gz', '.tgz']

    /** Relative path of each archive directly under a directory named target, mapped to its SHA-256. */
    static Map<String, String> archiveDigests(File root) {
        Path base = root.toPath()
        Map<String, String> digests = new TreeMap<>()
        Files.walk(base).withCloseable { stream ->
            stream.filter { Files.isRegularFile(it) }
                  .filter { it.parent?.fileName?.toString() == 'target' }
                  .filter { p -> ARCHIVE_SUFFIXES.any { p.fileName.toString().endsWith(it) } }
                  .forEach { digests[base.relativize(it).toString()] = sha256(it) }
        }
        return digests
    }

    static String sha256(Path file) {
        MessageDigest md = MessageDigest.getInstance('SHA-256')
        Files.newInputStream(file).withCloseable { input ->
            byte[] buffer = new byte[65536]
            for (int n; (n = input.read(buffer)) > 0;) {
                md.update(buffer, 0, n)
            }
        }
        return HexFormat.of().formatHex(md.digest())
    }

    /** Copies the project without build outputs or invoker's logs, to a directory at a different path. */
    static File copySources(File basedir) {
        // target/it/<name> -> target/it-rebuild/<name>/elsewhere: another path, of another length.
        File copy = new File(basedir.parentFile.parentFile, "it-rebuild/${basedir.name}/built-elsewhere")
        if (copy.exists()) {
            copy.deleteDir()
        }
        Path from = basedir.toPath()
        Path to = copy.toPath()
        Files.walk(from).withCloseable { stream ->
            stream.forEach { Path p ->
                Path rel = from.relativize(p)
                if (rel.any { it.toString() == 'target' } || rel.toString() == 'build.log'
                        || rel.toString() == 'rebuild.log') {
                    return
                }
                Path dest = to.resolve(rel.toString())
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest)
                } else {
                    Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES)
                }
            }
        }
        return copy
    }

    /** Empty settings: the rebuild is offline, everything it needs is in the ITs' local repository. */
    static File offlineSettings(File copy) {
        File empty = new File(copy.parentFile, 'offline-settings.xml')
        empty.text = '<settings/>\n'
        return empty
    }

    /**
     * Runs Maven in {@code dir} under the other environment. Offline: the invoker's build already resolved
     * everything into the ITs' local repository, and hermetic builds must work offline. That repository
     * records the repository id each file came from (the invoker's "local.central"); pointing Resolver at a
     * tracking file that does not exist makes it accept the files whatever their origin.
     */
    static int runMaven(File dir, String mavenHome, File settings, String localRepo, List<String> goals,
                        Map<String, String> extraEnv, File log) {
        String mvn = new File(mavenHome, 'bin/mvn').absolutePath
        List<String> mavenCommand = [mvn, '-B', '-o', '-s', settings.absolutePath,
                                     "-Dmaven.repo.local=${localRepo}".toString(),
                                     '-Daether.enhancedLocalRepository.trackingFilename=_hermetic_rebuild_any_origin'] + goals
        String quoted = mavenCommand.collect { "'" + it.replace("'", "'\\''") + "'" }.join(' ')
        // umask must be set in the shell that starts Maven; faketime moves the wall clock 3 years ahead.
        List<String> command = ['bash', '-c', "umask 077 && exec faketime -f '+3y' ${quoted}".toString()]
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir).redirectErrorStream(true)
                .redirectOutput(log)
        Map<String, String> env = pb.environment()
        env.remove('SOURCE_DATE_EPOCH')
        env.remove('MAVEN_ARGS')
        env.put('TZ', 'Pacific/Kiritimati')
        env.put('LC_ALL', 'C.UTF-8')
        env.put('LANG', 'C.UTF-8')
        // Only C, C.UTF-8 and POSIX exist on the CI machine: vary the JVM's own locale as well.
        env.put('MAVEN_OPTS', "${mavenOpts} -Duser.language=de -Duser.country=DE -Duser.timezone=Pacific/Kiritimati"
                .toString().trim())
        // Only the wall clock moves. Without these two the JVM can hang at start-up under libfaketime 0.9.10,
        // and every condition-variable wait goes through a contended lock: a 20 s build took 3 minutes.
        env.put('FAKETIME_DONT_FAKE_MONOTONIC', '1')
        env.put('FAKETIME_FORCE_MONOTONIC_FIX', '0')
        env.putAll(extraEnv)
        return scriptLock.waitFor(pb.start())
    }

    /**
     * Rebuilds {@code basedir}'s sources elsewhere and compares every archive with the invoker's build.
     *
     * @param leftAlone archives (relative paths) the build deliberately does not normalize: not compared
     * @return the invoker's build's archives (relative path to SHA-256), for further assertions
     */
    static Map<String, String> rebuildAndCompare(File basedir, String mavenHome, String itSettingsFile,
                                                 String localRepo, List<String> goals,
                                                 Map<String, String> extraEnv = [:], Set<String> leftAlone = []) {
        Map<String, String> first = archiveDigests(basedir)
        first.keySet().removeAll(leftAlone)
        if (first.isEmpty()) {
            throw new AssertionError("No archive under any target/ directory of ${basedir}: nothing to compare")
        }
        File copy = copySources(basedir)
        File log = new File(basedir, 'rebuild.log')
        int exit = runMaven(copy, mavenHome, offlineSettings(copy), localRepo, goals, extraEnv, log)
        if (exit != 0) {
            throw new AssertionError("The rebuild in ${copy} failed (exit ${exit}); its log is ${log}:\n"
                    + log.readLines().takeRight(40).join('\n'))
        }
        Map<String, String> second = archiveDigests(copy)
        second.keySet().removeAll(leftAlone)
        List<String> problems = []
        (first.keySet() + second.keySet()).toSorted().unique().each { String path ->
            if (!second.containsKey(path)) {
                problems << "${path}: missing from the rebuild"
            } else if (!first.containsKey(path)) {
                problems << "${path}: only in the rebuild"
            } else if (first[path] != second[path]) {
                problems << "${path}: ${first[path]} (TZ=UTC, umask 022, real clock) != ${second[path]}" +
                        " (TZ=Pacific/Kiritimati, umask 077, clock +3y, other path)"
            }
        }
        if (problems) {
            throw new AssertionError("Not reproducible, ${problems.size()} of ${first.size()} archives differ:\n  "
                    + problems.join('\n  ') + "\nCompare with: diffoscope ${basedir}/<path> ${copy}/<path>")
        }
        println "Reproducible: ${first.size()} archives identical after a rebuild under another TZ, locale," +
                " umask, path and clock:"
        first.each { path, sha -> println "  ${sha}  ${path}" }
        return first
    }
}

// evaluate() runs this file in the calling hook script's binding, which holds the invoker's script variables.
Reproducibility.mavenOpts = binding.hasVariable('itMavenOpts') ? itMavenOpts : ''
Reproducibility.scriptLock = evaluate(new File(itLib, 'script-lock.groovy'))
return Reproducibility
