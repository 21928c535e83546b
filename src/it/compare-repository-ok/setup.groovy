// nginx as the reference repository (outside target/: both builds start with clean). Stopped by verify.groovy.
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
Map nginx = it.startNginx(new File(basedir, 'nginx'))
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Dit.repo.url=${nginx.url}\n"
return true
