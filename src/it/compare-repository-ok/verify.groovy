def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
File nginxDir = new File(basedir, 'nginx')
it.stopNginx(nginxDir)
String url = new File(basedir, '.mvn/maven.config').text.trim() - '-Dit.repo.url='
String log = new File(basedir, 'build.log').text

File privateRepository = new File(basedir, 'target/hermetic-compare-reference')
assert log.contains("Reference: reference (${url}), resolved into ${privateRepository}")
assert log =~ /identical +compare-lib-1\.0\.jar/
assert log =~ /identical +compare-lib-1\.0\.pom/
assert log.contains('rebuild comparison result: 2 files match, 0 differ')
assert log.contains('BUILD SUCCESS')

// Downloaded from nginx into the private repository, though the first build installed both in the local one.
String access = new File(nginxDir, 'access.log').text
['compare-lib-1.0.jar', 'compare-lib-1.0.pom'].each { name ->
    assert access =~ /"GET \/repo\/it\/hermetic\/compare-lib\/1\.0\/${java.util.regex.Pattern.quote(name)} HTTP\/1\.1" 200/
    assert new File(privateRepository, "it/hermetic/compare-lib/1.0/${name}").isFile()
}
assert new File(basedir, 'target/compare-lib-1.0.buildcompare').text.contains('ok=2\nko=0\n')

String offline = log.substring(log.lastIndexOf('Scanning for projects'))
assert offline.contains("hermetic:compare: the build is offline (-o), so the reference repository reference (${url})"
        + ' cannot be reached')
assert offline.contains('give a directory or a digest manifest with -Dhermetic.compare.reference=PATH')
assert offline.contains('BUILD FAILURE')
return true
