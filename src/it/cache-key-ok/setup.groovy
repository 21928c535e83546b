// This directory becomes a git checkout (LF line ends), with a Maven Wrapper naming the Maven that runs the IT, and a
// binary resource holding CR LF and NUL bytes (counted byte for byte).
import java.nio.file.Files

def git = { File dir, List<String> args ->
    def command = ['git', '-c', 'user.name=it', '-c', 'user.email=it@example.org', '-c', 'init.defaultBranch=main',
                   '-c', 'core.autocrlf=false'] + args
    def p = new ProcessBuilder(command).directory(dir).redirectErrorStream(true).start()
    String output = p.inputStream.text
    assert p.waitFor() == 0 : "git ${args}: ${output}"
}

String mavenVersion = new File(itMavenHome, 'lib').list().find { it ==~ /maven-core-.*\.jar/ }
        .replaceAll(/^maven-core-(.*)\.jar$/, '$1')
new File(basedir, '.mvn/wrapper').mkdirs()
new File(basedir, '.mvn/wrapper/maven-wrapper.properties').text =
        "distributionUrl=https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/${mavenVersion}/" +
        "apache-maven-${mavenVersion}-bin.zip\ndistributionSha256Sum=${'ab' * 32}\n"
// A clean clone has no src/main/resources (git keeps no empty directory).
new File(basedir, 'src/main/resources').mkdirs()
Files.write(new File(basedir, 'src/main/resources/data.bin').toPath(), [0, 1, 13, 10, 2, 13, 10] as byte[])
new File(basedir, '.gitignore').text = 'target/\nbuild.log\n'
git(basedir, ['init', '-q'])
git(basedir, ['add', '-A'])
git(basedir, ['commit', '-q', '-m', 'cache-key IT'])
return true
