import java.time.ZoneOffset
import java.util.zip.ZipFile

def repro = evaluate(new File(itLib, 'reproducibility.groovy'))
String log = new File(basedir, 'build.log').text

// No SOURCE_DATE_EPOCH, no outputTimestamp: the log names the documented default.
assert log =~ /Archive timestamp 1980-02-01T00:00:00Z \(318211200\) from .*default/
assert log =~ /NORMALIZED\s+webapp-1\.0\.war sha256:[0-9a-f]{64}/

new ZipFile(new File(basedir, 'target/webapp-1.0.war')).withCloseable { zip ->
    def names = zip.entries().toList()*.name
    assert names.contains('WEB-INF/lib/commons-lang3-3.18.0.jar')
    assert names.contains('WEB-INF/classes/org/example/web/Banner.class')
    def times = zip.entries().toList().collect { it.timeLocal.toEpochSecond(ZoneOffset.UTC) } as Set
    assert times == [318211200L] as Set : "entry times ${times}"
}

repro.rebuildAndCompare(basedir, itMavenHome, itSettingsFile, itLocalRepo, ['verify'])
return true
