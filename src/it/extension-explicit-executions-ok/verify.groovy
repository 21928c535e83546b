// Executions declared: the user chose. No notice, and only the declared hermetic:verify runs (no normalize,
// provenance or sign).
def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
String log = new File(basedir, 'build.log').text
fx.assertLog(basedir, ['Verified before the first mojo ran (extension mode)', 'BUILD SUCCESS'])
assert !log.contains('extension mode bound the recommended goals'): 'bindings added although executions are declared'
assert !log.contains(':normalize ') && !log.contains(':provenance ') && !log.contains(':sign '):
        'a goal that was not declared ran'
assert !log.contains('Not signing') && !log.contains('Not writing provenance')
true
