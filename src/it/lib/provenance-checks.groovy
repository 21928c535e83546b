// Shared by the provenance-* ITs.
//
// Usage from a hook script:
//   def prov = evaluate(new File(itLib, 'provenance-checks.groovy'))
//   Map r = prov.cli(itLocalRepo, itPluginVersion, ['verify-provenance', '--key', ...])
// Real tools only: the plugin's own jar for the CLI, and bash, jq, base64, gpg and sqv for the recipe that
// docs/provenance.md gives consumers (run exactly as written there).
import groovy.json.JsonSlurper
import java.nio.file.Files

class ProvenanceChecks {

    /**
     * A fresh key without passphrase under {@code basedir/keys}, named to the build by {@code .mvn/maven.config}
     * ({@code hermetic.sign.keyFile}); returns SignItSupport's key map.
     */
    static Map keyInMavenConfig(String itLib, File basedir) {
        def sign = new GroovyClassLoader(ProvenanceChecks.classLoader)
                .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
        Map key = sign.generateKey(new File(basedir, 'keys'), '')
        new File(basedir, '.mvn').mkdirs()
        new File(basedir, '.mvn/maven.config').text = "-Dhermetic.sign.keyFile=${key.secretKey}\n"
        return key
    }

    /** Runs the plugin's CLI (the jar the invoker installed); returns [exit:, out:, err:]. */
    static Map cli(String localRepo, String version, List<String> args) {
        File jar = new File(localRepo, "dev/hermetic/hermetic-maven-plugin/${version}/hermetic-maven-plugin-${version}.jar")
        assert jar.isFile(): "The plugin jar is not in the ITs' local repository: ${jar}"
        return exec([new File(System.getProperty('java.home'), 'bin/java').path, '-jar', jar.path] + args, [:], null)
    }

    /** The Statement inside a .intoto.jsonl envelope, parsed. */
    static Map statement(File envelope) {
        Map json = new JsonSlurper().parse(envelope) as Map
        return new JsonSlurper().parse(Base64.decoder.decode(json.payload as String)) as Map
    }

    /**
     * Runs docs/provenance.md's stock-tools recipe in {@code dir} (which must hold the envelope, the artifacts and
     * the key as release.asc) with bash, for the envelope named {@code name}; returns [exit:, out:, err:].
     */
    static Map stockToolsRecipe(File docs, File dir, String name) {
        String page = docs.text
        int marker = page.indexOf('<!-- stock-tools-recipe -->')
        assert marker >= 0: "docs/provenance.md has no stock-tools recipe marker"
        int start = page.indexOf('```sh\n', marker) + '```sh\n'.length()
        String recipe = page.substring(start, page.indexOf('\n```', start))
                .replaceFirst(/(?m)^f=\S+/, "f='${name}'")
        Map r = exec(['bash', '-euo', 'pipefail', '-c', "export TMPDIR='${dir}'\n" + recipe], [:], dir)
        // The recipe's throw-away GNUPGHOME under TMPDIR: stop the gpg-agent it may have started.
        dir.eachDir { d -> if (new File(d, 'pubring.kbx').exists()) exec(['gpgconf', '--homedir', d.path, '--kill', 'all'], [:], null) }
        return r
    }

    static Map exec(List<String> command, Map<String, String> env, File workDir) {
        ProcessBuilder pb = new ProcessBuilder(command.collect { it.toString() })
        env.each { k, v -> pb.environment().put(k.toString(), v.toString()) }
        if (workDir != null) pb.directory(workDir)
        File out = Files.createTempFile('prov-it', '.out').toFile()
        File err = Files.createTempFile('prov-it', '.err').toFile()
        try {
            Process p = pb.redirectOutput(out).redirectError(err).start()
            if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly()
                throw new AssertionError("Timed out: ${command.join(' ')}")
            }
            return [exit: p.exitValue(), out: out.text, err: err.text]
        } finally {
            out.delete()
            err.delete()
        }
    }
}
return new ProvenanceChecks()
