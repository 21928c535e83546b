// The forged-record attack (issue 12): lock, verify once (which used to write a record of checksums in the local
// repository, keyed by device, inode, size, mtime and ctime), flip one byte of maven-compiler-plugin's jar, then
// write into that record a line with the tampered file's stat values (anyone can read them) and the checksum the
// lockfile expects. A verify that trusted the record would let the tampered plugin run.
import java.nio.file.Files
import java.util.concurrent.TimeUnit

def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
fx.prepare(basedir, itLocalRepo, itPluginVersion)
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify', 'hermetic:lock'])
assert new File(basedir, 'target/classes/it/hermetic/Hello.class').isFile(): 'the compiler ran during the lock build'
new File(basedir, 'target').deleteDir()
fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'validate'])

File jar = new File(basedir, 'repo/org/apache/maven/plugins/maven-compiler-plugin/3.14.0/maven-compiler-plugin-3.14.0.jar')
String coordinates = 'org.apache.maven.plugins:maven-compiler-plugin:jar:3.14.0'
String locked = new File(basedir, 'hermetic.lock').readLines('UTF-8').find { it.startsWith(coordinates + ' ') }?.split(' ')[1]
assert locked: "${coordinates} is not in the lockfile"
fx.flipByte(jar)
// Past the record's settle time: a real attacker has all the time in the world.
Thread.sleep(3500)
def a = Files.readAttributes(jar.toPath(), 'unix:dev,ino,size,lastModifiedTime,ctime')
String forged = [a.dev, a.ino, a.size, a.lastModifiedTime.to(TimeUnit.NANOSECONDS), a.ctime.to(TimeUnit.NANOSECONDS),
        locked, jar.toPath().toAbsolutePath().normalize()].join(' ')
File record = new File(basedir, 'repo/.hermetic/file-hashes-sha-256.txt')
record.parentFile.mkdirs()
if (!record.isFile()) {
    record.text = 'hermetic-file-hashes 1 SHA-256\n' // the header the record had, for a reader that still trusts it
}
record << forged + '\n'

// The goal alone, without extension mode, must not trust the record either: the same POM (as the invoker filtered
// it) without <extensions>.
File pom = new File(basedir, 'pom.xml')
assert pom.text.contains('<extensions>true</extensions>')
new File(basedir, 'pom-goal.xml').text = pom.text.replace('<extensions>true</extensions>', '')
String goal = fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', '-f', 'pom-goal.xml',
        'verify'], 1)
new File(basedir, 'goal.log').setText(goal, 'UTF-8')
new File(basedir, 'tampered.sha256').text = java.security.MessageDigest.getInstance('SHA-256').digest(jar.bytes)
        .encodeHex().toString() + ' ' + locked
// The invoker fails a hook script that returns anything but true or null.
true
