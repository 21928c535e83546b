// The POMs every module's graph needs are recorded for every such module, whichever module read them first: the
// lockfile is a function of the build, not of the order in which Maven happened to read (and cache) POMs.
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
List<String> lines = new File(basedir, 'hermetic.lock').readLines('UTF-8')
String modules = 'it.hermetic:a,it.hermetic:b,it.hermetic:c'
// <coordinates> <checksum> <roles> <scopes> <modules> <plugins> <builds>
['it.fake:lib-a:pom:1.0', 'it.fake:lib-b:pom:1.0', 'it.fake:parent:pom:1.0'].each { c ->
    List<String> line = lines.find { it.startsWith(c + ' ') }?.split(' ')
    assert line != null: "${c} is not locked"
    assert line[2].split(',').contains('pom') && line[4] == modules: "${c}: modules ${line[4]}, expected ${modules}"
}
// Build 2 collected afresh (no stored graph) and found nothing the lockfile does not record.
List<String> summaries = new File(basedir, 'build.log').readLines().findAll { it.startsWith('[INFO] hermetic:verify: 4 modules') }
assert summaries.size() == 1 && summaries[0].contains(' 0 errors') && !summaries[0].contains('graph reused'): summaries
fx.assertLog(basedir, ['BUILD SUCCESS'])
// The invoker fails a hook script that returns anything but true or null.
true
