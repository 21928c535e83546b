// Shared by the sign-* ITs (this directory has no pom.xml, so invoker does not run it as a project).
// Load it from a hook script with:
//   def it = new GroovyClassLoader(getClass().classLoader)
//           .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
// Everything here uses real tools: gpg makes the keys and checks signatures, sqv checks them again, nginx is the
// HTTP repository, sha256sum checks the manifest.

import java.nio.file.Files
import java.security.MessageDigest
import java.util.concurrent.TimeUnit

class SignItSupport {

    /**
     * Generates a fresh ed25519 signing key in a throwaway GNUPGHOME and exports it under {@code dir}:
     * secret.asc (armored secret key, protected by {@code passphrase}, '' for none), public.asc, fingerprint.txt.
     * {@code fakedTime} (gpg's --faked-system-time, e.g. '20200101T000000') backdates the key, with {@code expire}
     * (e.g. '1d') that makes an already expired key.
     */
    Map generateKey(File dir, String passphrase, String fakedTime = null, String expire = 'never') {
        dir.mkdirs()
        // gpg-agent's socket path must stay short: a temp dir under /tmp, not the deep IT directory.
        File home = Files.createTempDirectory('hermetic-it-gpg').toFile()
        try {
            List<String> gpg = ['gpg', '--homedir', home.path, '--batch', '--pinentry-mode', 'loopback',
                                '--passphrase', passphrase]
            if (fakedTime) {
                gpg += ['--faked-system-time', fakedTime + '!']
            }
            run(gpg + ['--quick-gen-key', 'IT test key (test only) <it@example.invalid>', 'ed25519', 'sign', expire])
            String colons = run(['gpg', '--homedir', home.path, '--batch', '--with-colons', '--list-secret-keys'])
            String fingerprint = colons.readLines().find { it.startsWith('fpr:') }.split(':')[9]
            File secret = new File(dir, 'secret.asc')
            File publicKey = new File(dir, 'public.asc')
            secret.text = run(gpg + ['--armor', '--export-secret-keys', fingerprint])
            publicKey.text = run(['gpg', '--homedir', home.path, '--batch', '--armor', '--export', fingerprint])
            new File(dir, 'fingerprint.txt').text = fingerprint
            return [fingerprint: fingerprint, secretKey: secret, publicKey: publicKey]
        } finally {
            run(['gpgconf', '--homedir', home.path, '--kill', 'gpg-agent'], [:], false)
            home.deleteDir()
        }
    }

    /** Runs a command, returns its stdout; fails with its output unless {@code check} is false. */
    String run(List<String> command, Map<String, String> env = [:], boolean check = true, File workDir = null) {
        Map r = exec(command, env, workDir)
        if (check && r.exit != 0) {
            throw new AssertionError("Command failed (exit ${r.exit}): ${command.join(' ')}\n${r.out}\n${r.err}")
        }
        return r.out
    }

    /** Runs a command with a time limit; returns [exit:, out:, err:]. */
    Map exec(List<String> command, Map<String, String> env = [:], File workDir = null) {
        // GStrings in a command or environment are not Strings: convert, or ProcessBuilder fails.
        ProcessBuilder pb = new ProcessBuilder(command.collect { it.toString() })
        env.each { k, v -> pb.environment().put(k.toString(), v.toString()) }
        if (workDir != null) {
            pb.directory(workDir)
        }
        File out = File.createTempFile('it-out', '.txt')
        File err = File.createTempFile('it-err', '.txt')
        try {
            pb.redirectOutput(out).redirectError(err)
            Process p = pb.start()
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly()
                throw new AssertionError("Command timed out after 180 s: ${command.join(' ')}")
            }
            return [exit: p.exitValue(), out: out.text, err: err.text]
        } finally {
            out.delete()
            err.delete()
        }
    }

    /**
     * Starts nginx as a WebDAV repository (PUT and MKCOL, any body size) on a free loopback port, with every path
     * under {@code dir}; returns [url:, root:, accessLog:]. Stop it with {@link #stopNginx}; a JVM shutdown hook
     * stops it too if the build fails before verify.groovy runs.
     */
    Map startNginx(File dir) {
        File root = new File(dir, 'www')
        new File(root, 'repo').mkdirs()
        new File(dir, 'tmp').mkdirs()
        int port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
        boolean root_ = 'root' == System.getProperty('user.name')
        File conf = new File(dir, 'nginx.conf')
        File accessLog = new File(dir, 'access.log')
        conf.text = """\
            ${root_ ? 'user root;' : ''}
            worker_processes 1;
            daemon off;
            pid ${dir}/nginx.pid;
            error_log ${dir}/error.log info;
            events { worker_connections 64; }
            http {
              access_log ${accessLog} combined;
              client_body_temp_path ${dir}/tmp/body;
              proxy_temp_path ${dir}/tmp/proxy;
              fastcgi_temp_path ${dir}/tmp/fastcgi;
              uwsgi_temp_path ${dir}/tmp/uwsgi;
              scgi_temp_path ${dir}/tmp/scgi;
              server {
                listen 127.0.0.1:${port};
                root ${root};
                location /repo/ {
                  dav_methods PUT MKCOL;
                  create_full_put_path on;
                  dav_access user:rw group:r all:r;
                  client_max_body_size 0;
                }
              }
            }
            """.stripIndent()
        Process nginx = new ProcessBuilder('nginx', '-p', dir.path, '-c', conf.path, '-e', "${dir}/error.log")
                .redirectErrorStream(true).redirectOutput(new File(dir, 'nginx.out')).start()
        Runtime.runtime.addShutdownHook(new Thread({ nginx.destroy() }))
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20)
        while (true) {
            try {
                new Socket(InetAddress.getLoopbackAddress(), port).close()
                break
            } catch (IOException notYet) {
                if (!nginx.alive) {
                    throw new AssertionError("nginx did not start: ${new File(dir, 'nginx.out').text}"
                            + " ${new File(dir, 'error.log').with { it.exists() ? it.text : '' }}")
                }
                if (System.nanoTime() > deadline) {
                    nginx.destroy()
                    throw new AssertionError("nginx did not listen on port ${port} within 20 s")
                }
                Thread.sleep(100)
            }
        }
        new File(dir, 'nginx.java-pid').text = String.valueOf(nginx.pid())
        return [url: "http://127.0.0.1:${port}/repo".toString(), root: new File(root, 'repo'), accessLog: accessLog]
    }

    /** Stops the nginx that {@link #startNginx} started in {@code dir}, by its process id. */
    void stopNginx(File dir) {
        File pidFile = new File(dir, 'nginx.java-pid')
        if (pidFile.exists()) {
            ProcessHandle.of(pidFile.text.trim() as long).ifPresent { ProcessHandle h ->
                h.destroy()
                h.onExit().get(20, TimeUnit.SECONDS)
            }
        }
    }

    static String hex(File file, String algorithm) {
        MessageDigest md = MessageDigest.getInstance(algorithm)
        file.withInputStream { InputStream in ->
            byte[] buffer = new byte[65536]
            for (int n; (n = in.read(buffer)) > 0;) {
                md.update(buffer, 0, n)
            }
        }
        return md.digest().encodeHex().toString()
    }

    /** gpg --verify in a fresh GNUPGHOME holding only {@code publicKey}; returns [ok:, output:]. */
    Map gpgVerify(File signature, File file, File publicKey) {
        File home = Files.createTempDirectory('hermetic-it-gpgv').toFile()
        try {
            run(['gpg', '--homedir', home.path, '--batch', '--quiet', '--import', publicKey.path])
            Map r = exec(['gpg', '--homedir', home.path, '--batch', '--verify', signature.path, file.path])
            return [ok: r.exit == 0 && r.err.contains('Good signature'), output: r.err]
        } finally {
            run(['gpgconf', '--homedir', home.path, '--kill', 'all'], [:], false)
            home.deleteDir()
        }
    }

    /** sqv (Sequoia's verifier) with {@code publicKey} as the only keyring; returns [ok:, output:]. */
    Map sqvVerify(File signature, File file, File publicKey) {
        Map r = exec(['sqv', '--keyring', publicKey.path, signature.path, file.path])
        return [ok: r.exit == 0, output: r.out + r.err]
    }

    /** Files of a repository version directory, by name, without maven-metadata and a local repository's _files. */
    static Map<String, File> repositoryFiles(File versionDir) {
        assert versionDir.isDirectory(): "Nothing was deployed: ${versionDir} does not exist"
        Map<String, File> files = new TreeMap<>()
        versionDir.eachFile {
            if (it.isFile() && !it.name.startsWith('maven-metadata') && !it.name.startsWith('_')) files[it.name] = it
        }
        return files
    }

    /** What a repository holds for each artifact, besides the artifact: not artifacts themselves. */
    static boolean isSideFile(String name) {
        return ['.asc', '.sha1', '.md5', '.sha256', '.sha512'].any { name.endsWith(it) }
    }

    /** The Maven version of a Maven home (the itMavenHome script variable), from its maven-core jar's name. */
    static String mavenVersion(String mavenHome) {
        File core = new File(mavenHome, 'lib').listFiles().find { it.name ==~ /maven-core-.+\.jar/ }
        return (core.name =~ /maven-core-(.+)\.jar/)[0][1]
    }

    /**
     * The digest side files hermetic:sign attaches under this Maven: .sha256 and .sha512 from Maven 3.9 on; none
     * before, where deploy would write checksums of them (.sha256.md5, ...).
     */
    static List<String> attachedDigests(String mavenHome) {
        return mavenVersion(mavenHome).startsWith('3.8.') ? [] : ['sha256', 'sha512']
    }

    /** The version directory holds exactly {@code expected} (maven-metadata aside); returns the problems. */
    static List<String> checkFileList(File versionDir, Collection<String> expected) {
        Set<String> found = repositoryFiles(versionDir).keySet() as TreeSet
        Set<String> wanted = expected as TreeSet
        if (found == wanted) {
            return []
        }
        return ["${versionDir} holds ${found - wanted} that it should not, and lacks ${wanted - found}".toString()]
    }

    /**
     * Checks a deployed (or installed) version directory from the repository's side and returns the list of
     * problems (empty when all is well):
     * the artifacts are exactly {@code expectedArtifacts}; each has an .asc that gpg and sqv accept with
     * {@code publicKey}, and a side file per {@code digests} (see {@link #attachedDigests}) that matches its bytes;
     * the manifest lists exactly the other artifacts with their SHA-256, and sha256sum -c accepts it in place.
     */
    List<String> checkRepository(File versionDir, Collection<String> expectedArtifacts, String manifestName,
                                 File publicKey, List<String> digests) {
        List<String> problems = []
        Map<String, File> files = repositoryFiles(versionDir)
        Set<String> artifacts = files.keySet().findAll { !isSideFile(it) } as TreeSet
        if (artifacts != (expectedArtifacts as TreeSet)) {
            problems << "artifacts in ${versionDir}: expected ${expectedArtifacts as TreeSet}, found ${artifacts}".toString()
        }
        artifacts.each { String name ->
            File file = files[name]
            File asc = files[name + '.asc']
            if (asc == null) {
                problems << "${name} has no .asc".toString()
            } else {
                if (!asc.text.startsWith('-----BEGIN PGP SIGNATURE-----')) {
                    problems << "${name}.asc is not an ASCII-armored signature".toString()
                }
                Map gpg = gpgVerify(asc, file, publicKey)
                if (!gpg.ok) problems << "gpg --verify rejects ${name}.asc: ${gpg.output}".toString()
                Map sqv = sqvVerify(asc, file, publicKey)
                if (!sqv.ok) problems << "sqv rejects ${name}.asc: ${sqv.output}".toString()
            }
            [sha256: 'SHA-256', sha512: 'SHA-512'].findAll { ext, algorithm -> ext in digests }.each { ext, algorithm ->
                File side = files[name + '.' + ext]
                if (side == null) {
                    problems << "${name} has no .${ext}".toString()
                } else {
                    String recorded = side.text.trim().split(/\s+/)[0].toLowerCase()
                    String actual = hex(file, algorithm)
                    if (recorded != actual) {
                        problems << "${name}.${ext} says ${recorded}, the file's ${algorithm} is ${actual}".toString()
                    }
                }
            }
        }
        File manifest = files[manifestName]
        if (manifest == null) {
            problems << "no manifest ${manifestName}".toString()
        } else {
            Map<String, String> listed = [:]
            manifest.readLines().each { String line ->
                def m = line =~ /^([0-9a-f]{64})  (\S+)$/
                if (!m.matches()) {
                    problems << "manifest line not in sha256sum format: '${line}'".toString()
                } else {
                    listed[m.group(2)] = m.group(1)
                }
            }
            Set<String> expectedListed = (artifacts - manifestName) as TreeSet
            if ((listed.keySet() as TreeSet) != expectedListed) {
                problems << "manifest lists ${listed.keySet() as TreeSet}, deployed artifacts are ${expectedListed}".toString()
            }
            if (manifest.readLines() != manifest.readLines().toSorted { a, b -> a.split('  ')[1] <=> b.split('  ')[1] }) {
                problems << "manifest lines are not sorted by file name".toString()
            }
            Map check = exec(['sha256sum', '--strict', '-c', manifest.name], [:], versionDir)
            if (check.exit != 0) {
                problems << "sha256sum -c ${manifestName} failed: ${check.out}${check.err}".toString()
            }
        }
        return problems
    }

    /**
     * For failure stories: the build log holds every fragment of the expected message, and the failed build left
     * nothing behind: no signature or digest under target/, nothing installed in {@code localRepo}, nothing deployed
     * to basedir/remote-repo.
     */
    List<String> checkFailedCleanly(File basedir, File localRepo, String artifactId, List<String> messageFragments) {
        List<String> problems = []
        String log = new File(basedir, 'build.log').text
        if (!log.contains('BUILD FAILURE')) problems << 'the build did not fail'
        messageFragments.each { String fragment ->
            if (!log.contains(fragment)) problems << "build.log lacks the message fragment: ${fragment}".toString()
        }
        // The message is the MojoFailureException's own line, not buried in a cause (invoker runs with -e here).
        if (!(log =~ /(?m)^\[ERROR\] Failed to execute goal dev\.hermetic:hermetic-maven-plugin:[^:]+:sign /)) {
            problems << 'build.log has no "[ERROR] Failed to execute goal ...:sign" line'
        }
        File target = new File(basedir, 'target')
        if (target.exists()) {
            target.eachFileRecurse { File f ->
                if (f.isFile() && ['.asc', '.sha256', '.sha512', '.sha256sum'].any { f.name.endsWith(it) }) {
                    problems << "left behind: ${f}".toString()
                }
            }
        }
        if (new File(localRepo, "it/hermetic/${artifactId}").exists()) {
            problems << "it/hermetic/${artifactId} was installed in ${localRepo}".toString()
        }
        if (new File(basedir, 'remote-repo').exists()) problems << 'something was deployed to remote-repo'
        return problems
    }

    /**
     * For builds that must not sign: the main jar is installed in {@code localRepo} with no signature, digest or
     * manifest beside it, and nothing was written to basedir/target/hermetic-sign. Returns the problems.
     */
    List<String> checkInstalledUnsigned(File basedir, File localRepo, String artifactId) {
        List<String> problems = []
        File installed = new File(localRepo, "it/hermetic/${artifactId}/1.0")
        if (!new File(installed, "${artifactId}-1.0.jar").isFile()) {
            problems << "${artifactId}-1.0.jar was not installed in ${installed}".toString()
        }
        installed.eachFile { f ->
            if (['.asc', '.sha256', '.sha512', '.sha256sum'].any { f.name.endsWith(it) }) problems << "installed: ${f.name}".toString()
        }
        if (new File(basedir, 'target/hermetic-sign').exists()) problems << 'target/hermetic-sign was written'
        return problems
    }

    /** Throws with every problem listed, so one run shows them all. */
    static void assertNoProblems(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError("${problems.size()} problem(s):\n  " + problems.join('\n  '))
        }
    }
}
