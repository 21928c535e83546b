// Copies examples/hello as committed (its pom.xml, sources and hermetic.lock) into this IT's directory.
import java.nio.file.Files
import java.nio.file.Path

Path example = new File(itLib, '../../../examples/hello').canonicalFile.toPath()
assert Files.isRegularFile(example.resolve('hermetic.lock')): "no committed lockfile in ${example}"
Path copy = new File(basedir, 'hello').toPath()
copy.toFile().deleteDir()
Files.walk(example).withCloseable { paths ->
    paths.filter { !example.relativize(it).toString().startsWith('target') }.each { Path from ->
        Path to = copy.resolve(example.relativize(from).toString())
        if (Files.isDirectory(from)) {
            Files.createDirectories(to)
        } else {
            Files.copy(from, to)
        }
    }
}
true
