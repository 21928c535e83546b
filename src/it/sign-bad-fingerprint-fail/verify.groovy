// hermetic:sign's own message, with the -D property, once, before anything ran.
evaluate(new File(itLib, 'early-failure.groovy')).assertFailedAsTheBuildStarts(basedir,
        "hermetic: Cannot sign org.example.it:bad-fingerprint:jar:1.0: hermetic.sign.fingerprint 'DEADBEEF' is a" +
                " short key ID, not a fingerprint: key IDs can be forged by collision; use the full 40 (v4) or 64" +
                " (v6) hex digits shown by `gpg --list-secret-keys --with-subkey-fingerprint`. Read from" +
                " -Dhermetic.sign.fingerprint (command line or .mvn/maven.config).", 'DEADBEEF')
return true
