// The key of one commit: equal from a CRLF clone at another path (other umask, time zone and clock) and from the
// command line; changed by a source edit, a -D property and another JDK; unchanged by target/ and untracked files;
// refused outside a project.
import java.nio.file.Files

// Every process below runs without holding up other ITs' hook scripts.
def scriptLock = evaluate(new File(itLib, 'script-lock.groovy'))
String log = new File(basedir, 'build.log').text
def keyLine = (log =~ /\[INFO\] Cache key (sha256:[0-9a-f]{64})/)
assert keyLine.find() : 'no key in build.log'
String key = keyLine.group(1)
['sources', 'lockfile', 'maven', 'jdk', 'wrapper', 'mvn-config', 'command'].each { name ->
    assert log =~ /\[INFO\]   ${name} +sha256:[0-9a-f]{64}  / : "-Ddetail does not list ${name}"
}
assert log.contains('files tracked by git')
assert log.contains('-Dit.api.token=(hidden)') && log.contains('-Dit.flag=on')
assert !log.contains('hunter2') || log.indexOf('hunter2') > log.indexOf('BUILD SUCCESS') : 'a secret value was printed'
assert !log.contains('-Dfrom.config') : 'maven.config counts through its file, not as a command property'
assert !log.contains('-Dmaven.repo.local') && !log.contains('-Ddetail')
assert new File(basedir, 'target/hermetic-cache-key.txt').text == key + '\n'
assert new File(basedir, 'target/classes/key.properties').text == "key=${key}\n" : 'no ${hermetic.cacheKey} for later plugins'

// A clone at another path, CRLF text files, umask 077, another time zone and a clock three years ahead.
File clone = new File(basedir.parentFile, "${basedir.name}-clones/somewhere/much/deeper/crlf")
clone.parentFile.mkdirs()
Map cloned = scriptLock.run(new ProcessBuilder('git', '-c', 'core.autocrlf=true', 'clone', '-q', '--config',
        'core.autocrlf=true', basedir.absolutePath, clone.absolutePath).redirectErrorStream(true))
assert cloned.exit == 0 : cloned.out
assert new File(clone, 'src/main/java/it/app/App.java').text.contains('\r\n')
assert new File(clone, 'src/main/resources/data.bin').bytes == ([0, 1, 13, 10, 2, 13, 10] as byte[])

File settings = new File(basedir.parentFile, 'interpolated-settings.xml')
assert settings.isFile() : "the invoker's settings are not at ${settings}"
List<String> mvn = [new File(itMavenHome, 'bin/mvn').absolutePath, '-B', '-o', '-s', settings.absolutePath,
                    "-Dmaven.repo.local=${itLocalRepo}".toString(), 'hermetic:cache-key', 'process-resources',
                    '-Dit.flag=on', '-Dit.api.token=hunter2', '-Dhermetic.cacheKey.detail']
String quoted = mvn.collect { "'" + it.replace("'", "'\\''") + "'" }.join(' ')
File cloneLog = new File(basedir, 'clone-build.log')
def build = new ProcessBuilder('bash', '-c', "umask 077 && exec faketime -f '+3y' ${quoted}".toString())
        .directory(clone).redirectErrorStream(true).redirectOutput(cloneLog)
build.environment().putAll([TZ: 'Pacific/Kiritimati', MAVEN_OPTS: itMavenOpts ?: '', JAVA_HOME: System.getProperty('java.home'),
                            FAKETIME_DONT_FAKE_MONOTONIC: '1', FAKETIME_FORCE_MONOTONIC_FIX: '0'])
build.environment().remove('MAVEN_ARGS')
assert scriptLock.waitFor(build.start()) == 0 : "the build in ${clone} failed: ${cloneLog}"
assert cloneLog.text.contains("[INFO] Cache key ${key}") : "the CRLF clone's key differs:\n${log}\n---\n${cloneLog.text}"

// Outside a project: Maven refuses the goal, saying there is no POM.
File noProject = new File(basedir.parentFile, "${basedir.name}-clones/no-project")
noProject.mkdirs()
def outside = new ProcessBuilder([mvn[0], '-B', '-o', '-s', settings.absolutePath, "-Dmaven.repo.local=${itLocalRepo}".toString(),
                                  "dev.hermetic:hermetic-maven-plugin:${itPluginVersion}:cache-key".toString()])
        .directory(noProject).redirectErrorStream(true)
outside.environment().put('MAVEN_OPTS', itMavenOpts ?: '')
outside.environment().remove('MAVEN_ARGS')
Map refused = scriptLock.run(outside)
String refusedLog = refused.out
assert refused.exit != 0 : refusedLog
assert refusedLog.contains('requires a project to execute but there is no POM in this directory') : refusedLog

// The command line, as a CI step before Maven starts: same java, Maven's version from the wrapper, same -D.
File jar = new File(itLocalRepo, "dev/hermetic/hermetic-maven-plugin/${itPluginVersion}/hermetic-maven-plugin-${itPluginVersion}.jar")
def cli = { String java, File dir, List<String> args ->
    Map run = scriptLock.run(new ProcessBuilder([java, '-jar', jar.absolutePath, 'cache-key', dir.absolutePath] + args)
            .redirectErrorStream(true))
    assert run.exit == 0 : run.out
    return run.out
}
String java = new File(System.getProperty('java.home'), 'bin/java').absolutePath
List<String> same = ['-Dit.flag=on', '-Dit.api.token=hunter2']
String cliDetail = cli(java, basedir, same + ['--detail'])
assert cliDetail.readLines()[0] == key : "the command line's key differs from the goal's:\n${cliDetail}\n---\n${log}"
assert cli(java, clone, same).strip() == key

// Unchanged by build outputs and untracked files; changed by a -D property, a source edit, another JDK.
new File(basedir, 'target/more/output.txt').with { parentFile.mkdirs(); text = 'x' }
new File(basedir, 'untracked.log').text = 'x'
assert cli(java, basedir, same).strip() == key
assert cli(java, basedir, ['-Dit.flag=off', '-Dit.api.token=hunter2']).strip() != key
File temurin = new File('/usr/lib/jvm').listFiles()?.find { it.name.startsWith('temurin-25') }
if (temurin != null || System.getenv('CI')) {
    assert temurin != null : 'the Temurin 25 JDK is not in /usr/lib/jvm (CI must have it)'
    String other = cli(new File(temurin, 'bin/java').absolutePath, basedir, same + ['--detail'])
    assert other.readLines()[0] != key
    def changed = other.readLines().drop(1).findAll { !cliDetail.contains(it) }.collect { it.trim().split(/ +/)[0] }
    assert changed == ['jdk'] : "another JDK changed ${changed}"
}
File app = new File(basedir, 'src/main/java/it/app/App.java')
app.text = app.text.replace('hello', 'hello, edited')
String edited = cli(java, basedir, same + ['--detail'])
assert edited.readLines()[0] != key
assert edited.readLines().drop(1).findAll { !cliDetail.contains(it) }.collect { it.trim().split(/ +/)[0] } == ['sources']
return true
