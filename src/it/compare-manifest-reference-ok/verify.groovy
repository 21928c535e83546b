String log = new File(basedir, 'build.log').text
File manifest = new File(basedir, 'reference/it/hermetic/compare-lib/1.0/compare-lib-1.0-digests.sha256sum')

assert log.contains("Reference: the digest manifest ${manifest} (2 files): only checksums can be compared")
String fingerprint = new File(basedir, 'keys/fingerprint.txt').text.trim().toLowerCase(Locale.ROOT)
assert log.toLowerCase(Locale.ROOT).contains("the manifest's signature compare-lib-1.0-digests.sha256sum.asc is good:"
        + " signed by key ${fingerprint}")
assert log =~ /identical +compare-lib-1\.0\.jar/
assert log =~ /identical +compare-lib-1\.0\.pom/
assert log.contains('rebuild comparison result: 2 files match, 0 differ')
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/compare-lib-1.0.buildcompare').text.contains('ok=2\nko=0\n')
return true
