String log = new File(basedir, 'build.log').text
String compared = log.substring(log.lastIndexOf('Scanning for projects'))

// Once for the reactor, in the module built last (the parent does not run the goal): the other module says so.
assert compared.count('Reference: the directory') == 1
assert compared.count('hermetic:compare compares the whole reactor once its last module is built') == 1
['compare-parent-1.0.pom', 'lib-a-1.0.jar', 'lib-a-1.0.pom', 'lib-b-1.0.jar', 'lib-b-1.0.pom'].each { name ->
    assert compared =~ /identical +${java.util.regex.Pattern.quote(name)}/
}
assert compared.contains('rebuild comparison result: 5 files match, 0 differ')
assert compared.contains('BUILD SUCCESS')

// In the root's target/, the .buildcompare named after the root, as maven-artifact-plugin names it.
File target = new File(basedir, 'target')
assert new File(target, 'compare-parent-1.0.buildcompare').text.contains('ok=5\nko=0\n')
assert new File(target, 'hermetic-compare.json').isFile()
assert new File(target, 'hermetic-compare.html').isFile()
assert !new File(basedir, 'lib-a/target/hermetic-compare.json').exists()
assert !new File(basedir, 'lib-b/target/hermetic-compare.json').exists()
return true
