// A throwaway signing key in ./keys: lib-b signs what it deploys, the .buildinfo with it.
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
it.generateKey(new File(basedir, 'keys'), '')
return true
