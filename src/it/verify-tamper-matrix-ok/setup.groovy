// The tamper matrix (issue 12): a multi-module build in extension mode is locked once; then each attack below is
// played on it in turn, the build is verified (reusing stored graphs where it may, the hardest case for verify), and
// every file the attack touched is restored. Every attack must fail the build with its own message (0 misses); the
// untouched build must pass before and after (0 false alarms; the invoker's own build is the "after").
import java.nio.file.Files
import java.util.concurrent.TimeUnit

def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
List<String> repo = ['-Dmaven.repo.local=repo', '-Dhermetic.verify.reuseGraphs=true']
fx.maven(basedir, itMavenHome, itSettingsFile, repo + ['verify', 'hermetic:lock'])
String untouched = fx.maven(basedir, itMavenHome, itSettingsFile, repo + ['validate'])
assert untouched.contains('hermetic:verify: 3 modules') && untouched.contains(' 0 errors, 0 warnings'): untouched

File lock = new File(basedir, 'hermetic.lock')
String lockedLibA = lock.readLines().find { it.startsWith('it.fake:lib-a:jar:1.0 ') }?.split(' ')[1]
assert lockedLibA
File m2 = new File(basedir, 'repo')
File jarLibA = new File(m2, 'it/fake/lib-a/1.0/lib-a-1.0.jar')
File jarLibC = new File(m2, 'it/fake/lib-c/1.0/lib-c-1.0.jar')
File appPom = new File(basedir, 'app/pom.xml')
String libB11 = '<dependency><groupId>it.fake</groupId><artifactId>lib-b</artifactId><version>1.1</version></dependency>'
String libC = '<dependency><groupId>it.fake</groupId><artifactId>lib-c</artifactId><version>1.0</version></dependency>'

def changePom = { File f -> f.text = f.text.replace('</project>', '  <!-- changed -->\n</project>') }
def editLock = { Closure<List<String>> edit -> lock.text = edit(lock.readLines()).join('\n') + '\n' }
def addToApp = { String dependency ->
    appPom.text = appPom.text.replace('  </dependencies>', "    ${dependency}\n  </dependencies>")
}

// name, the files the attack changes (restored after it), the attack, what the failing build must say
List cases = [
    ['dependency jar', [jarLibA], { fx.flipByte(jarLibA) },
        ['Checksum mismatch for it.fake:lib-a:jar:1.0', jarLibA.path]],
    ['dependency POM', [new File(m2, 'it/fake/lib-a/1.0/lib-a-1.0.pom')],
        { changePom(new File(m2, 'it/fake/lib-a/1.0/lib-a-1.0.pom')) }, ['Checksum mismatch for it.fake:lib-a:pom:1.0']],
    ['plugin jar', [new File(m2, 'org/apache/maven/plugins/maven-clean-plugin/3.5.0/maven-clean-plugin-3.5.0.jar')],
        { fx.flipByte(new File(m2, 'org/apache/maven/plugins/maven-clean-plugin/3.5.0/maven-clean-plugin-3.5.0.jar')) },
        ['Checksum mismatch for org.apache.maven.plugins:maven-clean-plugin:jar:3.5.0']],
    ['plugin dependency', [jarLibC], { fx.flipByte(jarLibC) }, ['Checksum mismatch for it.fake:lib-c:jar:1.0']],
    ['parent POM', [new File(m2, 'it/fake/parent/1.0/parent-1.0.pom')],
        { changePom(new File(m2, 'it/fake/parent/1.0/parent-1.0.pom')) }, ['Checksum mismatch for it.fake:parent:pom:1.0']],
    ['imported BOM', [new File(m2, 'it/fake/bom/1.0/bom-1.0.pom')],
        { changePom(new File(m2, 'it/fake/bom/1.0/bom-1.0.pom')) }, ['Checksum mismatch for it.fake:bom:pom:1.0']],
    ['lockfile checksum edited', [lock], { editLock { it.collect { l -> l.startsWith('it.fake:lib-a:jar:1.0 ')
            ? l.replace(lockedLibA, '0' * 64) : l } } },
        ['Checksum mismatch for it.fake:lib-a:jar:1.0', 'the lockfile expects ' + '0' * 64]],
    ['lockfile line deleted', [lock], { editLock { it.findAll { l -> !l.startsWith('it.fake:lib-b:jar:1.0 ') } } },
        ['it.fake:lib-b:jar:1.0 (dependency of it.hermetic:', 'is not in the lockfile']],
    ['algorithm downgraded', [lock], { editLock { it.collect { l -> l == 'algorithm SHA-256' ? 'algorithm SHA-1' : l } } },
        ['is malformed at line', 'SHA-1']],
    ['new dependency', [appPom], { addToApp(libB11) },
        ['it.fake:lib-b:jar:1.1 (dependency of it.hermetic:app', 'is not in the lockfile']],
    ['new role', [appPom], { addToApp(libC) },
        ['it.fake:lib-c:jar:1.0 is used in a way the lockfile does not record: this build uses it as dependency in '
            + 'scope compile of module it.hermetic:app']],
    ['new scope', [appPom], { appPom.text = appPom.text.replace('<scope>test</scope>', '<scope>compile</scope>') },
        ['it.fake:lib-d:jar:1.0 is used in a way the lockfile does not record: this build uses it as dependency in '
            + 'scope compile of module it.hermetic:app']],
    ['forged checksum record', [jarLibA, new File(m2, '.hermetic/file-hashes-sha-256.txt')], {
        fx.flipByte(jarLibA)
        Thread.sleep(3500) // past the settle time the record once had
        def a = Files.readAttributes(jarLibA.toPath(), 'unix:dev,ino,size,lastModifiedTime,ctime')
        File record = new File(m2, '.hermetic/file-hashes-sha-256.txt')
        record.parentFile.mkdirs()
        record.text = 'hermetic-file-hashes 1 SHA-256\n' + [a.dev, a.ino, a.size,
                a.lastModifiedTime.to(TimeUnit.NANOSECONDS), a.ctime.to(TimeUnit.NANOSECONDS), lockedLibA,
                jarLibA.toPath().toAbsolutePath().normalize()].join(' ') + '\n'
    }, ['Checksum mismatch for it.fake:lib-a:jar:1.0', "the lockfile expects ${lockedLibA}".toString()]],
    ['forged graph list', [appPom, new File(m2, '.hermetic/build-plans')], {
        addToApp(libB11)
        // The forger's list for exactly this build: written by a verify told to let lib-b 1.1 pass, then stripped
        // of its jar and POM.
        fx.maven(basedir, itMavenHome, itSettingsFile, repo + ['-Dhermetic.verify.excludes=it.fake:lib-b:*:1.1',
                'validate'])
        assert fx.stripStoredGraphs(basedir, ['it.fake', 'lib-b', 'jar', '', '1.1']) > 0
        assert fx.stripStoredGraphs(basedir, ['it.fake', 'lib-b', 'pom', '', '1.1']) > 0
    }, ['not used, it lacks what the models declare: it.fake:lib-b:jar:1.1',
        'it.fake:lib-b:jar:1.1 (dependency of it.hermetic:app', 'is not in the lockfile']],
]

List<String> report = []
List<String> misses = []
cases.each { String name, List<File> touched, Closure attack, List<String> expected ->
    // Snapshot what the attack changes (a directory: its files), to restore it afterwards.
    Map<File, byte[]> saved = [:]
    List<File> absent = []
    touched.each { File t ->
        if (t.isDirectory()) {
            t.eachFileRecurse { if (it.isFile()) saved[it] = it.bytes }
        } else if (t.isFile()) {
            saved[t] = t.bytes
        } else {
            absent << t
        }
    }
    attack()
    String out = fx.maven(basedir, itMavenHome, itSettingsFile, repo + ['validate'], -1)
    List<String> lacking = expected.findAll { !out.contains(it) }
    // Extension mode stops Maven before any project builds: no "BUILD FAILURE" line then, but never a success.
    boolean failed = !out.contains('BUILD SUCCESS')
    if (!failed || lacking) {
        misses << "${name}: ${failed ? 'failed without ' + lacking : 'BUILD SUCCESS'}\n" +
                out.readLines().findAll { it.contains('hermetic') || it.contains('ERROR') }.take(12).join('\n')
    }
    report << "${failed && !lacking ? 'caught' : 'MISSED'}  ${name}"
    // Restore: directories lose what the attack added, files get their bytes back, new files go.
    touched.findAll { it.isDirectory() }.each { d -> d.eachFileRecurse { if (it.isFile() && !saved.containsKey(it)) it.delete() } }
    saved.each { File f, byte[] b -> f.bytes = b }
    absent.each { it.isDirectory() ? it.deleteDir() : it.delete() }
}
new File(basedir, 'matrix.txt').text = report.join('\n') + '\n'
assert !misses: "tamper matrix: ${misses.size()} of ${cases.size()} attacks not caught as expected:\n" + misses.join('\n\n')
assert report.size() == 14
// The invoker fails a hook script that returns anything but true or null.
true
