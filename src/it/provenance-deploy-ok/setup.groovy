// A fresh key without passphrase, nginx as the HTTP repository, and a git checkout made by hand: HEAD on a branch
// whose commit is in packed-refs, and an origin URL with a token in it that must not reach the provenance.
def it = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(itLib, '../sign-support/SignItSupport.groovy')).getDeclaredConstructor().newInstance()
Map key = it.generateKey(new File(basedir, 'keys'), '')
Map nginx = it.startNginx(new File(basedir, 'target/nginx'))

File git = new File(basedir, '.git')
new File(git, 'refs/heads').mkdirs()
new File(git, 'HEAD').text = 'ref: refs/heads/main\n'
new File(git, 'packed-refs').text = '# pack-refs with: peeled fully-peeled sorted\n' +
        '0123456789abcdef0123456789abcdef01234567 refs/heads/main\n'
new File(git, 'config').text = '[core]\n\tbare = false\n[remote "origin"]\n' +
        '\turl = https://builder:s3cr3t-t0ken@example.com/prov-lib.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n'

new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = [
        "-Dit.repo.url=${nginx.url}",
        "-Dhermetic.sign.keyFile=${key.secretKey}",
        '-Dhermetic.sign.required=true',
].join('\n') + '\n'
return true
