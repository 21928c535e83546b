// Skipped: the artifacts are installed unsigned, and the log says which property skipped the goal.
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
List<String> problems = it.checkInstalledUnsigned(basedir, new File(itLocalRepo), 'skip')
String log = new File(basedir, 'build.log').text
// build.log holds both builds, one after the other.
['hermetic.sign.skip', 'hermetic.skip'].each { property ->
    if (!log.contains("Skipping hermetic:sign (${property} is true)")) problems << "no skip message for ${property}".toString()
}
it.assertNoProblems(problems)
return true
