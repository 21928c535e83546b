// Skipped: the artifacts are installed unsigned, and the log says which property skipped the goal.
List<String> problems = []
String log = new File(basedir, 'build.log').text
// build.log holds both builds, one after the other.
['hermetic.sign.skip', 'hermetic.skip'].each { property ->
    if (!log.contains("Skipping hermetic:sign (${property} is true)")) problems << "no skip message for ${property}".toString()
}
File installed = new File(itLocalRepo, 'it/hermetic/skip/1.0')
if (!new File(installed, 'skip-1.0.jar').isFile()) problems << "skip-1.0.jar was not installed in ${installed}".toString()
installed.eachFile { f ->
    if (['.asc', '.sha256', '.sha512', '.sha256sum'].any { f.name.endsWith(it) }) problems << "installed: ${f.name}".toString()
}
if (new File(basedir, 'target/hermetic-sign').exists()) problems << 'target/hermetic-sign was written'
assert problems.isEmpty(): problems.join('\n')
return true
