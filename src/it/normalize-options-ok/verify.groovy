import java.time.ZoneOffset
import java.util.jar.JarFile
import java.util.zip.ZipFile

def repro = evaluate(new File(itLib, 'reproducibility.groovy'))
String log = new File(basedir, 'build.log').text

assert log.contains('Archive timestamp 2024-01-01T00:00:00Z (1704067200) from project.build.outputTimestamp; compression mode fast')
assert log =~ /NORMALIZED\s+greeter-options-1\.0\.jar sha256:[0-9a-f]{64}/
// excludeClassifiers: the test-jar and the raw jar are never passed to the normalizer, in either execution.
assert !(log =~ /greeter-options-1\.0-(tests|raw)\.jar sha256:/)

File main = new File(basedir, 'target/greeter-options-1.0.jar')
new JarFile(main).withCloseable { jar ->
    def attributes = jar.manifest.mainAttributes
    assert attributes.getValue('X-Build-Host') == null : 'removeManifestAttributes: X-Build-Host is still there'
    assert attributes.getValue('X-Kept') == 'kept'
    // keepManifestAttributes: Created-By is on the default removal list; here it is kept.
    assert attributes.getValue('Created-By') != null : 'keepManifestAttributes: Created-By was removed'
    // Build-Jdk-Spec stays on the default list: removed.
    assert attributes.getValue('Build-Jdk-Spec') == null
    def times = jar.entries().toList().collect { it.timeLocal.toEpochSecond(ZoneOffset.UTC) } as Set
    assert times == [1704067200L] as Set
}

// Fast mode keeps the compressed bytes of entries it does not change: every class entry of the main jar has
// exactly the compressed size it has in maven-jar-plugin's own output (the excluded -raw jar holds the same classes).
File raw = new File(basedir, 'target/greeter-options-1.0-raw.jar')
assert raw.isFile()
Map<String, Long> rawSizes = [:]
new ZipFile(raw).withCloseable { zip -> zip.entries().each { if (it.name.endsWith('.class')) rawSizes[it.name] = it.compressedSize } }
assert rawSizes
new ZipFile(main).withCloseable { zip ->
    rawSizes.each { name, size -> assert zip.getEntry(name).compressedSize == size : name }
}

// The excluded jars are as reproducible as maven-jar-plugin makes them (not under umask 077): not compared.
def compared = repro.rebuildAndCompare(basedir, itMavenHome, itSettingsFile, itLocalRepo, ['verify'], [:],
        ['target/greeter-options-1.0-tests.jar', 'target/greeter-options-1.0-raw.jar'] as Set)
assert compared.keySet() == ['target/greeter-options-1.0.jar'] as Set
return true
