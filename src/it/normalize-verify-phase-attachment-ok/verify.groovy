import java.time.ZoneOffset
import java.util.zip.ZipFile

String log = new File(basedir, 'build.log').text
File sources = new File(basedir, 'target/late-sources-1.0-sources.jar')
assert sources.isFile()

// maven-source-plugin ran after every hermetic execution, in verify (Maven 3.9 logs the goal prefix, 3.8 the
// artifactId)...
int position(String log, String regex) {
    def m = log =~ regex
    return m.find() ? m.start() : -1
}
int sourcePlugin = position(log, /--- (source|maven-source-plugin):3\.3\.1:jar-no-fork \(attach-sources-in-verify\)/)
int normalizeGoal = position(log, /--- (hermetic|hermetic-maven-plugin):[^:]+:normalize \(normalize\)/)
assert normalizeGoal >= 0 && sourcePlugin > normalizeGoal : 'expected hermetic:normalize to run before maven-source-plugin'
// ...and the extension normalized its jar right after it.
assert log =~ /hermetic: maven-source-plugin:jar-no-fork \(attach-sources-in-verify\) attached or rewrote 1 file\(s\) after hermetic:normalize; normalizing them/
assert (log =~ /NORMALIZED\s+late-sources-1\.0-sources\.jar sha256:[0-9a-f]{64}/).count == 1
// The main jar, normalized at package and untouched since, is not read again.
assert (log =~ /late-sources-1\.0\.jar sha256:/).count == 1

new ZipFile(sources).withCloseable { zip ->
    def entries = zip.entries().toList()
    def times = entries.collect { it.timeLocal.toEpochSecond(ZoneOffset.UTC) } as Set
    assert times == [1748779200L] as Set : "entry times ${times}"
    // Sorted by name, META-INF/ first: what the normalizer writes, not what maven-source-plugin wrote.
    def names = entries*.name
    assert names[0] == 'META-INF/'
    assert names[1] == 'META-INF/MANIFEST.MF'
}
return true
