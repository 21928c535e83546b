def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
File vendored = new File(basedir, '.hermetic/repository')
// The first vendor (in setup) copied everything, lib-a and lib-b with their POMs among it.
String setup = new File(basedir, 'setup.log').text
assert setup =~ /hermetic:vendor: .* copied \d+, unchanged 0, repaired 0, removed 0/
// Vendoring again after the change: lib-c's jar and POM copied; lib-a's and lib-b's jars and POMs removed; the
// edited parent POM reported and repaired; the rest re-hashed and left alone. Offline, under -T 2, once.
fx.assertLog(basedir, ['copied 2, unchanged ', 'repaired 1, removed 4 ',
        'hermetic:vendor: repaired it.fake:parent:pom:1.0: the vendored file', 'edited or corrupted',
        'mvn -s .hermetic/settings.xml -Dmaven.repo.local=.hermetic/local-repository verify',
        // The project has no .gitignore: tools that scan the tree (Apache RAT) would read the vendored files.
        '[WARNING] hermetic:vendor: add the line /.hermetic/ to'])
String log = new File(basedir, 'build.log').text
assert log.count('hermetic:vendor: ' + vendored.canonicalPath) == 1: 'vendored once per build, also under -T 2'
['it/fake/lib-c/1.0/lib-c-1.0.jar', 'it/fake/lib-c/1.0/lib-c-1.0.pom', 'it/fake/lib-c/1.0/lib-c-1.0.jar.sha1',
 'it/fake/parent/1.0/parent-1.0.pom', 'it/fake/bom/1.0/bom-1.0.pom',
 "dev/hermetic/hermetic-maven-plugin/${itPluginVersion}/hermetic-maven-plugin-${itPluginVersion}.jar"].each {
    assert new File(vendored, it).isFile(): "${it} is not vendored"
}
assert new File(vendored, 'it/fake/parent/1.0/parent-1.0.pom').bytes == new File(basedir, 'repo/it/fake/parent/1.0/parent-1.0.pom').bytes
assert !new File(vendored, 'it/fake/lib-a').exists() && !new File(vendored, 'it/fake/lib-b').exists()
assert !new File(vendored, 'it/hermetic').exists(): 'the reactor\'s own modules are never vendored'
// The archive for a machine without network: the repository as vendored, and the settings.
fx.assertLog(basedir, ['hermetic:vendor: packed ', 'tar -xzf repository.tar.gz -C .hermetic'])
Process tar = new ProcessBuilder('tar', '-tzf', '.hermetic/repository.tar.gz').directory(basedir).start()
List<String> entries = tar.inputStream.getText('UTF-8').readLines()
assert tar.waitFor() == 0
assert entries.containsAll(['settings.xml', 'repository/it/fake/lib-c/1.0/lib-c-1.0.jar',
        'repository/it/fake/lib-c/1.0/lib-c-1.0.jar.sha1']): entries
assert !entries.any { it.contains('lib-a') } && !entries.any { it.contains('local-repository') }: entries
// The printed advice, followed from the project's root: the build resolves from the vendored repository alone.
File settings = new File(basedir, '.hermetic/settings.xml')
assert settings.text.contains('<url>file://${user.dir}/.hermetic/repository</url>')
List<String> command = [new File(itMavenHome, 'bin/mvn').absolutePath, '-B', '-s', '.hermetic/settings.xml',
                        '-Dmaven.repo.local=.hermetic/local-repository', 'verify']
Process p = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
String out = p.inputStream.getText('UTF-8')
new File(basedir, 'vendored-build.log').text = out
assert p.waitFor() == 0: out.readLines().takeRight(40).join('\n')
assert out.contains('Downloaded from hermetic-vendor: file://')
assert !out.contains('[WARNING] Could not validate integrity'): 'each vendored file has its .sha1'
assert !(out =~ /Download(ing|ed) from (?!hermetic-vendor)/): 'only the vendored repository is used'
// The invoker fails a hook script that returns anything but true or null.
true
