import java.util.zip.ZipFile

String log = new File(basedir, 'build.log').text
String notice(File jar) {
    new ZipFile(jar).withCloseable { zip -> zip.getInputStream(zip.getEntry('META-INF/NOTICE')).text }
}
String referenceYear = (notice(new File(basedir, 'reference/it/hermetic/compare-lib/1.0/compare-lib-1.0.jar')) =~ /2020-(\d{4})/)[0][1]
String year = (notice(new File(basedir, 'target/compare-lib-1.0.jar')) =~ /2020-(\d{4})/)[0][1]
assert (year as int) == (referenceYear as int) + 5 : "the second build ran under faketime +5y: ${referenceYear} then ${year}"

// The file, the line, both years, the cause and the fix.
assert log =~ /different +compare-lib-1\.0\.jar: 1 difference \(1 text\)/
assert log.contains("META-INF/NOTICE  line 2: reference \"Copyright 2020-${referenceYear} Example Corp\","
        + " here \"Copyright 2020-${year} Example Corp\"  [build-clock-year]")
assert log.contains("-Copyright 2020-${referenceYear} Example Corp")
assert log.contains("+Copyright 2020-${year} Example Corp")
assert log =~ /cause: a year differs [^\n]*the build's clock leaks into this file/
assert log.contains('fix:   upgrade the plugin that writes this file')
assert log.contains('rebuild comparison result: 1 files match, 1 differ')
assert log.contains('BUILD FAILURE')
return true
