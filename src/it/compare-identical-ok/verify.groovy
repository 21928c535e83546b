String log = new File(basedir, 'build.log').text

assert log.contains('Skipping hermetic:compare (hermetic.compare.skip is true)')
assert log.contains("Reference: the directory ${new File(basedir, 'reference')}")
assert log =~ /identical +compare-lib-1\.0\.jar/
assert log =~ /identical +compare-lib-1\.0\.pom/
assert log.contains('rebuild comparison result: 2 files match, 0 differ')
assert log.contains('BUILD SUCCESS')

File target = new File(basedir, 'target')
String buildcompare = new File(target, 'compare-lib-1.0.buildcompare').text
assert buildcompare.contains('version=1.0\nok=2\nko=0\nignored=0\n')
assert buildcompare.contains('okFiles="compare-lib-1.0.jar compare-lib-1.0.pom"')
assert new File(target, 'hermetic-compare.json').text.contains('"verdict":"identical"')
assert new File(target, 'hermetic-compare.html').text.contains('compare-lib-1.0.jar')
return true
