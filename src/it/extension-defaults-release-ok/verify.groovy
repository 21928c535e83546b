// The one declaration, released (`mvn deploy -Dhermetic.sign.required=true` with a key): verified before any plugin
// ran, the jar normalized, its SBOM then its provenance written, then all signed; what reached the file:// repository
// is checked from its side: every artifact has an .asc that gpg and sqv accept, the checksums match, the signed
// manifest lists every file (the SBOM and the provenance included), the jar is the normalized one, the provenance's
// subjects are the POM, the jar and the SBOM, and the plugin's CLI accepts the provenance for the deployed files and
// the lockfile.
import java.time.ZoneOffset
import java.util.zip.ZipFile

def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
def prov = evaluate(new File(itLib, 'provenance-checks.groovy'))
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
String log = new File(basedir, 'build.log').text
List<String> lines = log.readLines()
String fingerprint = new File(basedir, 'keys/fingerprint.txt').text.trim()
fx.assertLog(basedir, ['hermetic:verify: 1 module against hermetic.lock', 'Verified before the first mojo ran (extension mode)',
        "Signing with key ${fingerprint} from the key file".toString(), 'BUILD SUCCESS'])
assert lines.count { it.contains('extension mode bound the recommended goals') } == 1
assert log =~ /NORMALIZED\s+extension-defaults-release-1\.0\.jar sha256:[0-9a-f]{64}/
assert !log.contains('Not signing') && !log.contains('Not writing provenance')
assert log =~ /Wrote extension-defaults-release-1\.0\.intoto\.jsonl: 3 subjects, \d+ dependencies \(verified against hermetic\.lock\)/
assert !log.contains('release-ok test passphrase'): 'the passphrase was printed'
int sbom = lines.findIndexOf { it.contains(':sbom (hermetic-sbom)') }
int attested = lines.findIndexOf { it.contains(':provenance (hermetic-provenance)') }
int signed = lines.findIndexOf { it.contains(':sign (hermetic-sign)') }
int deployed = lines.findIndexOf { it.contains(':deploy (default-deploy)') }
assert 0 <= sbom && sbom < attested && attested < signed && signed < deployed:
        "sbom, provenance, then sign, then deploy: ${[sbom, attested, signed, deployed]}"
// One read of the jar: hermetic:sbom hands the SBOM to hermetic:sign, which writes it in its own run with the jar's
// hashes from the read that signs it (the line comes from sign's execution), before the provenance that lists it.
int handed = lines.findIndexOf { it.contains('The SBOM of it.hermetic:extension-defaults-release:jar:1.0 is made by hermetic:sign') }
int sbomWritten = lines.findIndexOf { it.contains('Wrote extension-defaults-release-1.0-cyclonedx.json: ') }
int provenanceWritten = lines.findIndexOf { it.contains('Wrote extension-defaults-release-1.0.intoto.jsonl: ') }
assert sbom < handed && handed < attested && signed < sbomWritten && sbomWritten < provenanceWritten && provenanceWritten < deployed:
        "the SBOM made in sign's run: ${[sbom, handed, attested, signed, sbomWritten, provenanceWritten, deployed]}"

File versionDir = new File(basedir, 'remote-repo/it/hermetic/extension-defaults-release/1.0')
List<String> built = ['extension-defaults-release-1.0.pom', 'extension-defaults-release-1.0.jar',
                      'extension-defaults-release-1.0-cyclonedx.json']
String envelopeName = 'extension-defaults-release-1.0.intoto.jsonl'
List<String> artifacts = built + [envelopeName, 'extension-defaults-release-1.0-digests.sha256sum']
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
// The provenance: its subjects are the deployed POM, jar and SBOM; the CLI accepts it with the release's public key, the
// downloaded files and the committed lockfile.
// The SBOM's own hashes are those of the jar deployed.
Map component = new groovy.json.JsonSlurper().parse(new File(versionDir, 'extension-defaults-release-1.0-cyclonedx.json')).metadata.component
Map hashes = component.hashes.collectEntries { [(it.alg): it.content] }
if (hashes != ['SHA-256': it.hex(jar, 'SHA-256'), 'SHA-512': it.hex(jar, 'SHA-512')]) {
    problems << "the SBOM's own hashes ${hashes} are not the deployed jar's".toString()
}
File envelope = new File(versionDir, envelopeName)
Map statement = prov.statement(envelope)
if (statement.subject*.name as Set != built as Set) problems << "subjects ${statement.subject*.name} != ${built}".toString()
if (statement.predicate.buildDefinition.internalParameters.dependencyVerification != 'lockfile') {
    problems << "dependencyVerification: ${statement.predicate.buildDefinition.internalParameters.dependencyVerification}".toString()
}
Map r = prov.cli(itLocalRepo, itPluginVersion, ['verify-provenance', '--key', new File(basedir, 'keys/public.asc').path,
        '--provenance', envelope.path, '--lockfile', new File(basedir, 'hermetic.lock').path] +
        built.collect { new File(versionDir, it).path })
if (r.exit != 0 || !r.out.contains("by key ${fingerprint}")) problems << "CLI verify-provenance: exit ${r.exit}\n${r.out}${r.err}".toString()
it.assertNoProblems(problems)
true
