import java.time.ZoneOffset
import java.util.zip.ZipFile

def repro = evaluate(new File(itLib, 'reproducibility.groovy'))
String log = new File(basedir, 'build.log').text

assert log.contains('Archive timestamp 2025-06-01T12:00:00Z (1748779200) from project.build.outputTimestamp')
long expected = 1748779200L
['core': 'calc-core', 'app': 'calc-app'].each { module, artifactId ->
    ['', '-sources', '-javadoc'].each { suffix ->
        String name = "${artifactId}-1.0${suffix}.jar"
        // Each jar is normalized exactly once; the verify-phase execution finds the main jar UNCHANGED.
        assert (log =~ /NORMALIZED\s+${java.util.regex.Pattern.quote(name)} sha256:[0-9a-f]{64}/).count == 1 : name
        new ZipFile(new File(basedir, "${module}/target/${name}")).withCloseable { zip ->
            def times = zip.entries().toList().collect { it.timeLocal.toEpochSecond(ZoneOffset.UTC) } as Set
            assert times == [expected] as Set : "${name}: entry times ${times}"
        }
    }
    // ... and does not normalize it again: the module's record says it was normalized with these settings, and
    // its bytes still hash to what the normalizer wrote.
    assert log =~ /UNCHANGED\s+${artifactId}-1\.0\.jar sha256:[0-9a-f]{64} \(not rewritten since it was normalized\)/
}

def archives = repro.rebuildAndCompare(basedir, itMavenHome, itSettingsFile, itLocalRepo, ['verify'])
assert archives.size() == 6 : archives.keySet()
return true
