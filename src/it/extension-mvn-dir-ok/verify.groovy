// No POM change at all: the plugin named only in .mvn/extensions.xml verifies before any plugin runs and adds itself,
// its own version, with the recommended bindings to every module (the pom module too), saying so once per build.
// Without a key nothing is signed and no provenance written (one line per module); a release setting in
// .mvn/maven.config makes that fail.
import java.time.ZoneOffset
import java.util.zip.ZipFile

def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
String log = new File(basedir, 'build.log').text
List<String> lines = log.readLines()
fx.assertLog(basedir, ['hermetic:verify: 2 modules against hermetic.lock', 'Verified before the first mojo ran (extension mode)',
        'BUILD SUCCESS'])
assert !log.contains('BUILD FAILURE')
String notice = "[INFO] hermetic: loaded from .mvn/extensions.xml, so extension mode added " +
        "dev.hermetic:hermetic-maven-plugin:${itPluginVersion} with the recommended goals (" +
        'hermetic:verify in validate, hermetic:normalize in package, hermetic:normalize in verify, ' +
        'hermetic:sbom in verify, hermetic:provenance in verify, hermetic:sign in verify) to 2 modules whose POM does not declare it; to choose them yourself, declare the ' +
        'plugin in the POM'
// Two builds (invoker.goals.1 and .2): the notice once in each.
assert lines.count { it == notice } == 2: "expected the notice once per build:\n${lines.findAll { it.contains('extension mode') }.join('\n')}"
['extension-mvn-dir', 'extension-mvn-dir-lib'].each { module ->
    ['verify (hermetic-verify)', 'normalize (hermetic-default)', 'normalize (hermetic-late-attachments)',
     'sbom (hermetic-sbom)', 'provenance (hermetic-provenance)', 'sign (hermetic-sign)'].each { execution ->
        assert lines.count { it.contains(":${execution} @ ${module} ---") } == 2: "${execution} did not run once per build in ${module}"
    }
    // hermetic:provenance says it for hermetic:sign too: one line per module and build.
    assert lines.count { it.startsWith("[INFO] Not signing it.hermetic:${module}:") &&
            it.contains(' nor writing its provenance: no key in the environment variable MAVEN_GPG_KEY') } == 2:
            "expected one 'Not signing' line per build for ${module}"
    assert !lines.any { it.contains("it.hermetic:${module}:") && it.contains(': no key') &&
            !it.contains(' nor writing its provenance: ') }: "a second no-key line for ${module}"
}
assert log =~ /NORMALIZED\s+extension-mvn-dir-lib-1\.0\.jar sha256:[0-9a-f]{64}/
assert log =~ /UNCHANGED\s+extension-mvn-dir-lib-1\.0\.jar sha256:[0-9a-f]{64}/
// On disk: every entry of the jar carries the outputTimestamp, and nothing was signed or attested (the SBOM needs no
// key).
new ZipFile(new File(basedir, 'lib/target/extension-mvn-dir-lib-1.0.jar')).withCloseable { zip ->
    def times = zip.entries().toList().collect { it.timeLocal.toEpochSecond(ZoneOffset.UTC) } as Set
    assert times == [1719792000L] as Set: "entry times ${times}"
}
// The pom module's target/ holds its SBOM only: it has no file to normalize, nothing was signed.
assert new File(basedir, 'target').list() as List == ['extension-mvn-dir-1.0-cyclonedx.json']
new File(basedir, 'lib/target').eachFileRecurse { f -> assert !f.name.endsWith('.asc'): "signed: ${f}" }
assert !new File(basedir, 'lib/target/hermetic-sign').exists()
assert !new File(basedir, 'lib/target/hermetic-provenance').exists()

// hermetic:help by its prefix, which only the plugin added to the modules makes known.
String help = fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'hermetic:help'])
assert help.contains('hermetic:normalize') && help.contains('BUILD SUCCESS')

// A release setting in .mvn/maven.config and still no key: the build fails as it starts, before any mojo runs, and
// says what to set.
new File(basedir, '.mvn/maven.config').text = '-Dhermetic.sign.required=true\n'
String failed = fx.maven(basedir, itMavenHome, itSettingsFile, ['-Dmaven.repo.local=repo', 'verify'], 1)
new File(basedir, '.mvn/maven.config').delete()
['Cannot sign it.hermetic:extension-mvn-dir', 'No signing key found', 'environment variable MAVEN_GPG_KEY',
 'hermetic.sign.keyFile'].each { assert failed.contains(it): "the required-signing build lacks '${it}':\n${failed}" }
assert failed.contains('[ERROR] hermetic: Cannot sign it.hermetic:extension-mvn-dir:pom:1.0: No signing key found')
assert !failed.contains(' @ extension-mvn-dir'): "a mojo ran before the build failed:\n${failed}"
true
