// From the repository's side: the envelope was deployed with its .asc, its subjects are the deployed files with
// their SHA-256 and SHA-512, and a consumer verifies it with the plugin's CLI and with stock tools only.
import java.nio.file.Files
import java.nio.file.StandardCopyOption

def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
def prov = evaluate(new File(itLib, 'provenance-checks.groovy'))
File nginxDir = new File(basedir, 'target/nginx')
it.stopNginx(nginxDir)
List<String> problems = []

File publicKey = new File(basedir, 'keys/public.asc')
String fingerprint = new File(basedir, 'keys/fingerprint.txt').text.trim()
File versionDir = new File(nginxDir, 'www/repo/it/hermetic/prov-lib/1.0')
List<String> artifacts = ['prov-lib-1.0.pom', 'prov-lib-1.0.jar', 'prov-lib-1.0-sources.jar',
                          'prov-lib-1.0-javadoc.jar']
File envelope = new File(versionDir, 'prov-lib-1.0.intoto.jsonl')
if (!envelope.isFile()) {
    it.assertNoProblems(["the provenance was not deployed: ${envelope} missing; deployed: ${versionDir.list()}".toString()])
}
// hermetic:sign signed it like any artifact, and listed it in the signed manifest.
if (!new File(versionDir, 'prov-lib-1.0.intoto.jsonl.asc').isFile()) problems << 'the provenance has no .asc'
problems.addAll(it.checkRepository(versionDir, artifacts + ['prov-lib-1.0.intoto.jsonl', 'prov-lib-1.0-digests.sha256sum'],
        'prov-lib-1.0-digests.sha256sum', publicKey, it.attachedDigests(itMavenHome)))

// One line: the envelope; its subjects are exactly the deployed artifacts, with their digests.
List<String> lines = envelope.readLines()
if (lines.size() != 1) problems << "the envelope has ${lines.size()} lines, not 1".toString()
Map statement = prov.statement(envelope)
Map<String, Map> subjects = statement.subject.collectEntries { [(it.name): it.digest] }
if (subjects.keySet() != (artifacts as Set)) problems << "subjects ${subjects.keySet()} != deployed ${artifacts}".toString()
artifacts.each { name ->
    File deployed = new File(versionDir, name)
    if (subjects[name]?.sha256 != it.hex(deployed, 'SHA-256')) problems << "subject ${name}: sha256 is not the deployed file's".toString()
    if (subjects[name]?.sha512 != it.hex(deployed, 'SHA-512')) problems << "subject ${name}: sha512 is not the deployed file's".toString()
}
Map build = statement.predicate.buildDefinition
if (build.buildType != 'urn:dev.hermetic:maven-build:v1') problems << "buildType ${build.buildType}".toString()
if (build.internalParameters.dependencyVerification != 'none') problems << "no lockfile, yet dependencyVerification is ${build.internalParameters.dependencyVerification}".toString()
Map source = build.externalParameters.source
if (source?.uri != 'git+https://example.com/prov-lib.git' || source?.digest?.gitCommit != '0123456789abcdef0123456789abcdef01234567') {
    problems << "source ${source}: not the origin (without its credentials) and commit of .git".toString()
}
if (envelope.text.contains('s3cr3t-t0ken')) problems << 'the remote URL\'s token is in the provenance'
if (!build.resolvedDependencies.any { it.digest?.gitCommit == '0123456789abcdef0123456789abcdef01234567' }) {
    problems << 'the source commit is not among the resolved dependencies'
}
if (build.externalParameters.userProperties.containsKey('hermetic.sign.keyFile')) problems << 'hermetic.sign.keyFile\'s value was written'
if (statement.predicate.runDetails.builder.id != 'urn:dev.hermetic:builder:unattested') problems << 'builder id is not the default'
if (statement.predicate.runDetails.metadata != null) problems << 'run metadata written without opting in'

// The plugin's CLI on the downloaded files.
Map r = prov.cli(itLocalRepo, itPluginVersion, ['verify-provenance', '--key', publicKey.path, '--provenance',
        envelope.path] + artifacts.collect { new File(versionDir, it).path })
if (r.exit != 0 || !r.out.contains("by key ${fingerprint}")) problems << "CLI verify-provenance: exit ${r.exit}\n${r.out}${r.err}".toString()

// The stock-tools recipe of docs/provenance.md, in a directory holding what a consumer downloads.
File consumer = new File(basedir, 'target/consumer')
consumer.deleteDir()
consumer.mkdirs()
(artifacts + ['prov-lib-1.0.intoto.jsonl']).each {
    Files.copy(new File(versionDir, it).toPath(), new File(consumer, it).toPath(), StandardCopyOption.REPLACE_EXISTING)
}
Files.copy(publicKey.toPath(), new File(consumer, 'release.asc').toPath())
File docs = new File(itLib, '../../../docs/provenance.md')
Map recipe = prov.stockToolsRecipe(docs, consumer, 'prov-lib-1.0.intoto.jsonl')
String recipeOut = recipe.out + recipe.err
if (recipe.exit != 0) problems << "the stock-tools recipe failed (exit ${recipe.exit}):\n${recipeOut}".toString()
if (!recipeOut.contains('Good signature')) problems << "gpg did not print 'Good signature':\n${recipeOut}".toString()
if (!recipeOut.contains(fingerprint)) problems << "sqv did not print the key's fingerprint ${fingerprint}:\n${recipeOut}".toString()
artifacts.each { if (!recipeOut.contains("${it}: OK")) problems << "sha256sum --check did not pass ${it}:\n${recipeOut}".toString() }

String log = new File(basedir, 'build.log').text
if (!(log =~ /Wrote prov-lib-1\.0\.intoto\.jsonl: 4 subjects/)) problems << 'build.log does not say the provenance was written'
// One read of each file: provenance hands its provenance to sign, which makes the subjects from the digests of the
// bytes it signs and writes the envelope in its own run (the line comes from sign's execution).
List<String> logLines = log.readLines()
int handed = logLines.findIndexOf { it.contains('The provenance of it.hermetic:prov-lib:jar:1.0 is made by hermetic:sign') }
int signing = logLines.findIndexOf { it.contains(':sign (default) @ prov-lib') }
int written = logLines.findIndexOf { it.contains('Wrote prov-lib-1.0.intoto.jsonl') }
if (!(0 <= handed && handed < signing && signing < written)) problems << "not made in sign's run: ${[handed, signing, written]}".toString()
it.assertNoProblems(problems)
return true
