def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
// After every attack and restore, the untouched build passes again: no false alarm.
fx.assertLog(basedir, ['Verified before the first mojo ran (extension mode)', 'hermetic:verify: 3 modules', ' 0 errors, 0 warnings'])
List<String> matrix = new File(basedir, 'matrix.txt').readLines()
assert matrix.size() == 14 && matrix.every { it.startsWith('caught') }: matrix
true
