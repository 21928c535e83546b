// The one declaration, released (`mvn deploy -Dhermetic.sign.required=true` with a key): verified before any plugin
// ran, the jar normalized, then signed; what reached the file:// repository is checked from its side: every artifact
// has an .asc that gpg and sqv accept, the checksums match, the manifest lists them, and the jar is the normalized one.
import java.time.ZoneOffset
import java.util.zip.ZipFile

def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
String log = new File(basedir, 'build.log').text
List<String> lines = log.readLines()
String fingerprint = new File(basedir, 'keys/fingerprint.txt').text.trim()
fx.assertLog(basedir, ['hermetic:verify: 1 module against hermetic.lock', 'Verified before the first mojo ran (extension mode)',
        "Signing with key ${fingerprint} from the key file".toString(), 'BUILD SUCCESS'])
assert lines.count { it.contains('extension mode bound the recommended goals') } == 1
assert log =~ /NORMALIZED\s+extension-defaults-release-1\.0\.jar sha256:[0-9a-f]{64}/
assert !log.contains('Not signing')
assert !log.contains('release-ok test passphrase'): 'the passphrase was printed'
int signed = lines.findIndexOf { it.contains(':sign (hermetic-sign)') }
int deployed = lines.findIndexOf { it.contains(':deploy (default-deploy)') }
assert 0 <= signed && signed < deployed: "sign must run before deploy: ${[signed, deployed]}"

File versionDir = new File(basedir, 'remote-repo/it/hermetic/extension-defaults-release/1.0')
List<String> artifacts = ['extension-defaults-release-1.0.pom', 'extension-defaults-release-1.0.jar',
                          'extension-defaults-release-1.0-digests.sha256sum']
List<String> digests = it.attachedDigests(itMavenHome)
List<String> problems = it.checkRepository(versionDir, artifacts, 'extension-defaults-release-1.0-digests.sha256sum',
        new File(basedir, 'keys/public.asc'), digests)
// Resolver's .md5/.sha1 next to each artifact and signature; .sha256/.sha512 where hermetic:sign attaches them.
problems.addAll(it.checkFileList(versionDir, artifacts.collectMany { name ->
    [name, name + '.asc', name + '.md5', name + '.sha1'] + digests.collect { name + '.' + it }
}))
// Deployed as normalized: the jar's bytes are the ones built, every entry at the outputTimestamp.
File jar = new File(versionDir, 'extension-defaults-release-1.0.jar')
if (it.hex(jar, 'SHA-256') != it.hex(new File(basedir, 'target/extension-defaults-release-1.0.jar'), 'SHA-256')) {
    problems << 'the deployed jar differs from target/'
}
new ZipFile(jar).withCloseable { zip ->
    def times = zip.entries().toList().collect { it.timeLocal.toEpochSecond(ZoneOffset.UTC) } as Set
    if (times != [1719792000L] as Set) problems << "deployed jar entry times ${times}, expected 2024-07-01T00:00:00Z".toString()
}
it.assertNoProblems(problems)
true
