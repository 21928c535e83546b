def fx = evaluate(new File(itLib, 'lock-fixtures.groovy'))
// Resolver's own message: the artifact is refused as it is resolved, whoever asks for it.
fx.assertLog(basedir, ['Artifact it.fake:lib-a:jar:1.0 trusted checksum mismatch'])
true
