import java.time.ZoneOffset
import java.util.zip.ZipFile

def repro = evaluate(new File(itLib, 'reproducibility.groovy'))
String log = new File(basedir, 'build.log').text

assert log =~ /NORMALIZED\s+tool-1\.0\.jar sha256:[0-9a-f]{64}/
// Attached by a plugin declared after hermetic: caught by the verify-phase execution.
assert log =~ /NORMALIZED\s+tool-1\.0-dist\.zip sha256:[0-9a-f]{64}/
assert log =~ /NORMALIZED\s+tool-1\.0-dist\.tar\.gz sha256:[0-9a-f]{64}/

long expected = 1719792000L
new ZipFile(new File(basedir, 'target/tool-1.0-dist.zip')).withCloseable { zip ->
    def names = zip.entries().toList()*.name
    assert names.contains('tool-1.0/lib/tool-1.0.jar') : names
    def times = zip.entries().toList().collect { it.timeLocal.toEpochSecond(ZoneOffset.UTC) } as Set
    assert times == [expected] as Set : "zip entry times ${times}"
}

repro.rebuildAndCompare(basedir, itMavenHome, itSettingsFile, itLocalRepo, ['verify'])
return true
