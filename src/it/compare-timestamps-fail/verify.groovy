String whole = new File(basedir, 'build.log').text
int third = whole.lastIndexOf('Scanning for projects')
String log = whole.substring(0, third)
String reportOnly = whole.substring(third)

assert log =~ /identical +compare-lib-1\.0\.pom/
assert log =~ /different +compare-lib-1\.0\.jar: \d+ differences \(.*\d+ timestamp/
// An entry's time, both values, the cause and the fix, the first time the cause appears.
assert log =~ /it\/hermetic\/compare\/Greeting\.class  [^\n]*time[^\n]*: reference "2026-01-01 [^"]*", here "[^"]+"  \[timestamps\]/
assert log.contains('cause: entries carry the time of the build')
assert log.contains('fix:   set project.build.outputTimestamp in the POM, or bind hermetic:normalize')
assert log.contains('rebuild comparison result: 1 files match, 1 differ')
assert log.contains('1 of 2 files are not identical to the reference')
assert log.contains("What differs, why and the fix: ${new File(basedir, 'target/hermetic-compare.html')}")
assert log.contains('BUILD FAILURE')
// With diffoscope on the PATH (CI installs it), the exact command for the differing jar, as the shell takes it.
boolean diffoscope = System.getenv('PATH').split(File.pathSeparator).any { new File(it, 'diffoscope').canExecute() }
assert diffoscope || !System.getenv('CI') : 'CI is set but diffoscope is not on the PATH'
if (diffoscope) {
    assert log =~ /  investigate with: diffoscope \S+\/reference\/it\/hermetic\/compare-lib\/1\.0\/compare-lib-1\.0\.jar \S+\/target\/compare-lib-1\.0\.jar\n/
}

// hermetic.compare.fail=false: the same report, a warning, and the build succeeds.
assert reportOnly.contains('cause: entries carry the time of the build')
assert reportOnly.contains('[WARNING] 1 of 2 files are not identical to the reference')
assert reportOnly.contains('hermetic.compare.fail is false, so the build goes on')
assert reportOnly.contains('BUILD SUCCESS')

File target = new File(basedir, 'target')
String buildcompare = new File(target, 'compare-lib-1.0.buildcompare').text
assert buildcompare.contains('ok=1\nko=1\n')
assert buildcompare.contains('koFiles="compare-lib-1.0.jar"')
assert buildcompare =~ /# diffoscope \S+\/reference\/it\/hermetic\/compare-lib\/1\.0\/compare-lib-1\.0\.jar \S+\/target\/compare-lib-1\.0\.jar/
String json = new File(target, 'hermetic-compare.json').text
assert json.contains('"verdict":"different"') && json.contains('"timestamps"')
return true
