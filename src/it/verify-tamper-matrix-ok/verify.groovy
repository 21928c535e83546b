def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
// After every attack and restore, the untouched build passes again: no false alarm.
fx.assertLog(basedir, ['Verified before the first mojo ran (extension mode)', 'hermetic:verify: 3 modules', ' 0 errors, 0 warnings'])
// The summary is logged once, as the build starts; each module's verify execution only points to it.
List<String> summaries = new File(basedir, 'build.log').readLines().findAll { it.contains('hermetic:verify: 3 modules') }
assert summaries.size() == 1: summaries.join('\n')
List<String> matrix = new File(basedir, 'matrix.txt').readLines()
assert matrix.size() == 14 && matrix.every { it.startsWith('caught') }: matrix
true
