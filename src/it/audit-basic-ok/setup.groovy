// A comparison report left in target/ by an earlier build (or copied in), newer than the POM: it says identical,
// but the SHA-256 it records for the POM is not the POM's now, and the jar it compared is not there.
String pom = new File(basedir, 'pom.xml').canonicalPath
String jar = new File(basedir, 'target/audit-basic-1.0.jar').canonicalPath
new File(basedir, 'target').mkdirs()
new File(basedir, 'target/hermetic-compare.json').setText("""{"actual":"this build","counts":{"identical":2},
"files":[{"actual":"${jar}","actualSha256":"${'1' * 64}","path":"audit-basic-1.0.jar","verdict":"identical"},
{"actual":"${pom}","actualSha256":"${'0' * 64}","path":"audit-basic-1.0.pom","verdict":"identical"}],
"format":"hermetic-compare/1","identical":true,"reference":"elsewhere",
"summary":"rebuild comparison result: 2 files match, 0 differ"}""", 'UTF-8')
return true
