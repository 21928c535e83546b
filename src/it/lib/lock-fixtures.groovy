// Shared by the lock-* and verify-* ITs.
//
// Usage from a setup.groovy / verify.groovy:
//   def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
//   fx.fakeRepository(new File(basedir, 'fake-repo'))         // small artifacts it.fake:*, see below
//   fx.seedPlugin(new File(basedir, 'repo'), itLocalRepo, itPluginVersion)
//   fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
//
// Tampering ITs give Maven the IT's own local repository (basedir/repo) so that they never corrupt the shared
// it-repo: real artifacts are copied into it from the invoker's repositories as Maven resolves them, fake ones come
// from the file:// repository basedir/fake-repo written here.
import java.nio.file.Files
import java.nio.file.StandardCopyOption
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

class LockFixtures {

    /** MAVEN_OPTS for every Maven started here: the invoker's itMavenOpts, set when this file is evaluated. */
    static String mavenOpts

    /** script-lock.groovy: Maven runs without holding up other ITs' hook scripts. Set when this file is evaluated. */
    static Class scriptLock

    /**
     * Writes a tiny Maven repository: it.fake:parent:1.0 (pom), it.fake:bom:1.0 (pom, manages lib-b to 1.0),
     * it.fake:bom-outer:1.0 (pom, imports it.fake:bom:1.0 and manages nothing itself),
     * it.fake:lib-a:1.0 (jar; parent it.fake:parent; depends on lib-b 1.1, which the BOM manages down to 1.0),
     * it.fake:lib-b:1.0 and 1.1 (jars), it.fake:lib-c:1.0 and it.fake:lib-d:1.0 (jars).
     */
    static void fakeRepository(File dir) {
        pom(dir, 'parent', '1.0', 'pom', '')
        pom(dir, 'bom', '1.0', 'pom', '''
  <dependencyManagement>
    <dependencies>
      <dependency><groupId>it.fake</groupId><artifactId>lib-b</artifactId><version>1.0</version></dependency>
    </dependencies>
  </dependencyManagement>''')
        pom(dir, 'bom-outer', '1.0', 'pom', '''
  <dependencyManagement>
    <dependencies>
      <dependency><groupId>it.fake</groupId><artifactId>bom</artifactId><version>1.0</version><type>pom</type><scope>import</scope></dependency>
    </dependencies>
  </dependencyManagement>''')
        pom(dir, 'lib-a', '1.0', 'jar', '''
  <parent><groupId>it.fake</groupId><artifactId>parent</artifactId><version>1.0</version></parent>
  <dependencies>
    <dependency><groupId>it.fake</groupId><artifactId>lib-b</artifactId><version>1.1</version></dependency>
  </dependencies>''')
        ['lib-a': ['1.0'], 'lib-b': ['1.0', '1.1'], 'lib-c': ['1.0'], 'lib-d': ['1.0']].each { id, versions ->
            // Version ranges are resolved from the repository's metadata.
            File metadata = new File(dir, "it/fake/${id}/maven-metadata.xml")
            metadata.parentFile.mkdirs()
            metadata.text = """<?xml version="1.0" encoding="UTF-8"?>
<metadata>
  <groupId>it.fake</groupId>
  <artifactId>${id}</artifactId>
  <versioning>
    <latest>${versions.last()}</latest>
    <release>${versions.last()}</release>
    <versions>
${versions.collect { "      <version>${it}</version>" }.join('\n')}
    </versions>
    <lastUpdated>20260101000000</lastUpdated>
  </versioning>
</metadata>
"""
            sha1(metadata)
            versions.each { v ->
                if (id != 'lib-a') {
                    pom(dir, id, v, 'jar', '')
                }
                jar(new File(dir, "it/fake/${id}/${v}/${id}-${v}.jar"), "it/fake/${id}.txt", "${id} ${v}\n")
            }
        }
    }

    /** Resolver warns about a file without checksums; a real repository publishes .sha1 next to each file. */
    private static void sha1(File f) {
        new File(f.path + '.sha1').text = java.security.MessageDigest.getInstance('SHA-1').digest(f.bytes)
                .encodeHex().toString()
    }

    private static void pom(File repo, String artifactId, String version, String packaging, String body) {
        File f = new File(repo, "it/fake/${artifactId}/${version}/${artifactId}-${version}.pom")
        f.parentFile.mkdirs()
        boolean hasParent = body.contains('<parent>')
        f.text = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
${hasParent ? '' : '  <groupId>it.fake</groupId>\n'}  <artifactId>${artifactId}</artifactId>
  <version>${version}</version>
  <packaging>${packaging}</packaging>${body}
</project>
"""
        sha1(f)
    }

    private static void jar(File f, String entry, String content) {
        f.parentFile.mkdirs()
        new ZipOutputStream(new FileOutputStream(f)).withCloseable { zip ->
            ZipEntry e = new ZipEntry(entry)
            e.time = 315532800000L // 1980-01-01: the same bytes on every run
            zip.putNextEntry(e)
            zip.write(content.getBytes('UTF-8'))
            zip.closeEntry()
        }
        sha1(f)
    }

    /**
     * Prepares an IT: writes the fake repository under basedir/fake-repo, points the POMs' FAKE_REPO_URL at it (Maven
     * resolves a parent before it interpolates ${project.basedir}, so the URL must be literal) and seeds the IT's own
     * local repository basedir/repo with this plugin.
     */
    static void prepare(File basedir, String itLocalRepo, String version) {
        // A re-run finds the previous run's (tampered) files: start from nothing.
        ['repo', 'fake-repo', 'hermetic.lock', 'setup.log', 'target'].each { new File(basedir, it).deleteDir() }
        new File(basedir, 'hermetic.lock').delete()
        File fake = new File(basedir, 'fake-repo')
        fakeRepository(fake)
        basedir.eachFileRecurse { f ->
            if (f.name == 'pom.xml' && !f.path.contains('fake-repo') && f.text.contains('FAKE_REPO_URL')) {
                f.text = f.text.replace('FAKE_REPO_URL', fake.toURI().toString())
            }
        }
        seedPlugin(new File(basedir, 'repo'), itLocalRepo, version)
    }

    /**
     * The tampering ITs' set-up: prepares the IT, locks a clean build in its own local repository, then changes the
     * POM of it.fake:ARTIFACT_ID:1.0 there (a comment appended), so that its checksum no longer matches the lockfile.
     */
    static void lockThenChangePom(File basedir, String itLocalRepo, String version, String mavenHome,
            String itSettingsFile, String artifactId) {
        prepare(basedir, itLocalRepo, version)
        maven(basedir, mavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
        File pom = new File(basedir, "repo/it/fake/${artifactId}/1.0/${artifactId}-1.0.pom")
        assert pom.isFile() : "the locked build did not put ${pom} in the IT's local repository"
        pom.text = pom.text.replace('</project>', '  <!-- changed -->\n</project>')
    }

    /**
     * Prepares the IT, locks a clean build in its own local repository, then replaces {@code from} with {@code to} in
     * basedir/FILE (the POM, the lockfile): a change made after locking.
     */
    static void lockThenReplace(File basedir, String itLocalRepo, String version, String mavenHome,
            String itSettingsFile, String file, String from, String to) {
        prepare(basedir, itLocalRepo, version)
        maven(basedir, mavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
        File f = new File(basedir, file)
        assert f.text.contains(from)
        f.text = f.text.replace(from, to)
    }

    /**
     * Names this plugin as a core extension in basedir/.mvn/extensions.xml (the invoker filters only POMs, so the
     * version is written here).
     */
    static void coreExtension(File basedir, String version) {
        File extensions = new File(basedir, '.mvn/extensions.xml')
        extensions.parentFile.mkdirs()
        extensions.text = """<extensions>
  <extension>
    <groupId>dev.hermetic</groupId>
    <artifactId>hermetic-maven-plugin</artifactId>
    <version>${version}</version>
  </extension>
</extensions>
"""
    }

    /** Copies this plugin (installed by the invoker into the shared it-repo) into an IT's own local repository. */
    static void seedPlugin(File localRepo, String itLocalRepo, String version) {
        File from = new File(itLocalRepo, "dev/hermetic/hermetic-maven-plugin/${version}")
        File to = new File(localRepo, "dev/hermetic/hermetic-maven-plugin/${version}")
        to.mkdirs()
        from.eachFile { f ->
            if (f.isFile() && (f.name.endsWith('.jar') || f.name.endsWith('.pom'))) {
                Files.copy(f.toPath(), new File(to, f.name).toPath(), StandardCopyOption.REPLACE_EXISTING)
            }
        }
    }

    /** The settings the invoker uses (with @localRepositoryUrl@ filled in), else the source one. */
    static File settings(File basedir, String itSettingsFile) {
        File interpolated = new File(basedir.parentFile, 'interpolated-settings.xml')
        return interpolated.isFile() ? interpolated : new File(itSettingsFile)
    }

    /**
     * Runs Maven in {@code dir} with the invoker's settings, appending its output to {@code dir/setup.log}.
     * Throws (with the log's tail) unless the exit code is {@code expectedExit} (-1: any exit code).
     */
    static String maven(File dir, String mavenHome, String itSettingsFile, List<String> args, int expectedExit = 0) {
        File log = new File(dir, 'setup.log')
        List<String> command = [new File(mavenHome, 'bin/mvn').absolutePath, '-B', '-s',
                                settings(dir, itSettingsFile).absolutePath] + args
        log << "\n\$ ${command.join(' ')}\n"
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir).redirectErrorStream(true)
        if (mavenOpts != null) {
            pb.environment().put('MAVEN_OPTS', mavenOpts)
        }
        Map result = scriptLock.run(pb)
        int exit = result.exit
        String out = result.out
        log << out
        if (expectedExit >= 0 && exit != expectedExit) {
            throw new AssertionError("mvn ${args.join(' ')} in ${dir} exited ${exit}, expected ${expectedExit}:\n"
                    + out.readLines().takeRight(60).join('\n'))
        }
        return out
    }

    /**
     * Unpacks the source release {@code release} (coordinates ending in {@code :zip:source-release}) of a real project
     * from Maven Central into basedir/DIR_NAME and declares this plugin in its root POM in the short form users write
     * (README "Using it"): {@code <extensions>true</extensions>}, no {@code <executions>}, so the recommended goals are
     * bound. The release's own files are not kept in the repository: a pinned version is unpacked fresh on every run.
     * Returns the unpacked project.
     */
    static File realProject(File basedir, String mavenHome, String itSettingsFile, String itLocalRepo, String release,
            String dirName, String pluginVersion) {
        File project = new File(basedir, dirName)
        // A re-run starts from the pristine release, not from the previous run's lockfile and patched POM.
        project.deleteDir()
        new File(basedir, 'setup.log').delete()
        // Through the invoker's settings and local repository: Central once, then the outer build's repository.
        maven(basedir, mavenHome, itSettingsFile, ["-Dmaven.repo.local=${itLocalRepo}".toString(),
                'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack', "-Dartifact=${release}".toString(),
                "-DoutputDirectory=${basedir}".toString()])
        File rootPom = new File(project, 'pom.xml')
        assert rootPom.isFile(): "${release} did not unpack to ${project}"
        String pom = rootPom.getText('UTF-8')
        String anchor = '    </pluginManagement>\n  </build>'
        // The root POM has <pluginManagement> only; if a new version changes that, fail here rather than run unpatched.
        assert pom.count(anchor) == 1: "the root POM of ${release} changed shape: no single '</pluginManagement></build>'"
        rootPom.setText(pom.replace(anchor, """    </pluginManagement>
    <plugins>
      <plugin>
        <groupId>dev.hermetic</groupId>
        <artifactId>hermetic-maven-plugin</artifactId>
        <version>${pluginVersion}</version>
        <extensions>true</extensions>
      </plugin>
    </plugins>
  </build>"""), 'UTF-8')
        return project
    }

    /** Adds it.fake:lib-c:1.0 after the IT POM's lib-a dependency: a new dependency the lockfile does not hold. */
    static void addLibC(File basedir) {
        File pom = new File(basedir, 'pom.xml')
        String libA = '<artifactId>lib-a</artifactId>\n      <version>1.0</version>\n    </dependency>'
        assert pom.text.contains(libA)
        pom.text = pom.text.replace(libA, libA
                + '\n    <dependency><groupId>it.fake</groupId><artifactId>lib-c</artifactId><version>1.0</version></dependency>')
    }

    /**
     * Plays the forger of stored graphs: removes from every list under basedir/repo/.hermetic/build-plans the lines
     * that name an artifact by its leading coordinates fields ({@code ['it.fake', 'lib-a']}, or with extension,
     * classifier and version: {@code ['it.fake', 'lib-b', 'jar', '', '1.1']}), as a list written by someone else
     * could; returns how many.
     */
    static int stripStoredGraphs(File basedir, List<String> coordinates) {
        String needle = '\t' + coordinates.join('\t') + '\t'
        int removed = 0
        new File(basedir, 'repo/.hermetic/build-plans').eachFile { f ->
            List<String> lines = f.readLines('UTF-8')
            List<String> kept = lines.findAll { !it.contains(needle) }
            removed += lines.size() - kept.size()
            f.setText(kept.join('\n') + '\n', 'UTF-8')
        }
        return removed
    }

    /** Flips one byte in the middle of a file (a jar stays a file of the same size: only its checksum tells). */
    static void flipByte(File f) {
        assert f.isFile(): "nothing to tamper with at ${f}"
        byte[] bytes = f.bytes
        bytes[bytes.length.intdiv(2)] ^= 0x01
        f.bytes = bytes
    }

    /** Asserts that build.log contains every one of {@code expected}, printing the log's tail otherwise. */
    static void assertLog(File basedir, List<String> expected) {
        String log = new File(basedir, 'build.log').getText('UTF-8')
        List<String> missing = expected.findAll { !log.contains(it) }
        if (missing) {
            throw new AssertionError("build.log lacks ${missing}; its tail:\n" + log.readLines().takeRight(60).join('\n'))
        }
    }
}

// evaluate() runs this file in the calling hook script's binding, which holds the invoker's script variables.
LockFixtures.mavenOpts = binding.hasVariable('itMavenOpts') ? itMavenOpts : null
LockFixtures.scriptLock = evaluate(new File(itLib, 'script-lock.groovy'))
return LockFixtures
