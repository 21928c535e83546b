def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
File jar = new File(basedir, 'repo/it/fake/lib-a/1.0/lib-a-1.0.jar')
// Stored graphs that leave out a locked jar are not used: the graphs are collected again and the jar is checked.
String forged = new File(basedir, 'forged.log').getText('UTF-8')
assert forged.contains('Checksum mismatch for it.fake:lib-a:jar:1.0') && forged.contains(jar.path): forged
assert !forged.contains('graph reused'): forged
fx.assertLog(basedir, ['Checksum mismatch for it.fake:lib-a:jar:1.0', jar.path])
assert !new File(basedir, 'build.log').text.contains('graph reused')
// The invoker fails a hook script that returns anything but true or null.
true
