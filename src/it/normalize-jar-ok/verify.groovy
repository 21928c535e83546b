import java.time.ZoneOffset
import java.util.zip.ZipFile

def repro = evaluate(new File(itLib, 'reproducibility.groovy'))
String log = new File(basedir, 'build.log').text

assert log.contains('Archive timestamp 2023-11-14T22:13:20Z (1700000000) from SOURCE_DATE_EPOCH')
// Package phase: the main jar; verify phase: the test-jar, attached by a plugin declared after hermetic.
assert log =~ /NORMALIZED\s+greeter-1\.0\.jar sha256:[0-9a-f]{64}/
assert log =~ /NORMALIZED\s+greeter-1\.0-tests\.jar sha256:[0-9a-f]{64}/
assert log =~ /UNCHANGED\s+greeter-1\.0\.jar sha256:[0-9a-f]{64}/

// SOURCE_DATE_EPOCH wins over project.build.outputTimestamp, whatever the zone the DOS time is read in.
['target/greeter-1.0.jar': 'org/example/greeter/Greeter.class',
 'target/greeter-1.0-tests.jar': 'org/example/greeter/GreeterFixtures.class'].each { path, someClass ->
    new ZipFile(new File(basedir, path)).withCloseable { zip ->
        def times = zip.entries().toList().collect { it.timeLocal.toEpochSecond(ZoneOffset.UTC) } as Set
        assert times == [1700000000L] as Set : "${path}: entry times ${times}"
        assert zip.getEntry(someClass) != null
    }
}

repro.rebuildAndCompare(basedir, itMavenHome, itSettingsFile, itLocalRepo, ['verify'],
        [SOURCE_DATE_EPOCH: '1700000000'])
return true
