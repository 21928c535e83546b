// Said once (the core's wording of the same thing is not appended), with the -D property, before anything ran.
evaluate(new File(itLib, 'early-failure.groovy')).assertFailedAsTheBuildStarts(basedir,
        "hermetic: Invalid compression mode 'bogus' (hermetic.normalize.mode / <mode>): use portable (the default)" +
                " or fast. Read from -Dhermetic.normalize.mode (command line or .mvn/maven.config).", 'bogus')
assert !new File(basedir, 'build.log').text.contains('is not a compression mode'): 'said twice'
return true
