// A fresh key without passphrase in keys/, given to the third build only (-Dhermetic.sign.keyFile).
new GroovyClassLoader(getClass().classLoader).parseClass(new File(itLib, '../sign-support/SignItSupport.groovy'))
        .getDeclaredConstructor().newInstance().generateKey(new File(basedir, 'keys'), '')
return true
