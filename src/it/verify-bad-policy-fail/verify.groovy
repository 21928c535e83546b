// hermetic:verify's own message, where the value was set, once, before anything ran.
String pom = new File(basedir, 'pom.xml').path
evaluate(new File(itLib, 'early-failure.groovy')).assertFailedAsTheBuildStarts(basedir,
        "hermetic: Invalid value 'sometimes' for hermetic.verify.rangePolicy: use one of fail, warn, ignore." +
                " Read from <rangePolicy> in execution 'check' of ${pom}.", 'sometimes')
return true
