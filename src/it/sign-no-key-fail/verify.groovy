// No key in a build that requires one: the build fails saying which sources were tried and what to set.
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
List<String> problems = it.checkFailedCleanly(basedir, new File(itLocalRepo), 'no-key', [
        'Cannot sign it.hermetic:no-key:jar:1.0',
        'No signing key found',
        'environment variable MAVEN_GPG_KEY',
        'hermetic.sign.keyFile',
])
it.assertNoProblems(problems)
return true
