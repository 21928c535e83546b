import java.time.ZoneOffset
import java.util.zip.ZipFile

def repro = evaluate(new File(itLib, 'reproducibility.groovy'))
String log = new File(basedir, 'build.log').text

// -T 2 ran, and Maven did not flag the goal as unsafe in parallel builds.
assert log.contains('MultiThreadedBuilder')
assert !(log =~ /(?m)^\[WARNING\].*hermetic-maven-plugin/)
// Once per module (root included, which has no archive), not once for the whole build.
// Maven 3.9 prints the goal prefix (hermetic:), 3.8 the artifactId (hermetic-maven-plugin:).
assert (log =~ /hermetic(-maven-plugin)?:[^:]+:normalize \(default-cli\) @ /).count == 3
assert log.contains('Archive timestamp 2025-01-01T00:00:00Z (1735689600) from project.build.outputTimestamp')
['alpha', 'beta'].each { module ->
    assert log =~ /NORMALIZED\s+${module}-1\.0\.jar sha256:[0-9a-f]{64}/
    new ZipFile(new File(basedir, "${module}/target/${module}-1.0.jar")).withCloseable { zip ->
        def times = zip.entries().toList().collect { it.timeLocal.toEpochSecond(ZoneOffset.UTC) } as Set
        assert times == [1735689600L] as Set : "${module}: entry times ${times}"
    }
}

repro.rebuildAndCompare(basedir, itMavenHome, itSettingsFile, itLocalRepo, ['-T', '2', 'package', 'hermetic:normalize'])
return true
