// A fresh key without passphrase, named to the build in .mvn/maven.config.
evaluate(new File(itLib, 'provenance-checks.groovy')).keyInMavenConfig(itLib, basedir)
return true
