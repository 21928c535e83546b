package dev.hermetic.cli;

import dev.hermetic.archive.BuildTimestamp;
import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.sign.KeyFingerprint;
import dev.hermetic.sign.SigningEnvironment;
import dev.hermetic.sign.SigningException;
import dev.hermetic.sign.SigningKey;
import dev.hermetic.sign.SigningKeyLoader;
import dev.hermetic.sign.SigningKeySource;
import dev.hermetic.sign.SigningOptionNames;
import dev.hermetic.sign.SigningRun;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code sign [options] FILE...}: {@code hermetic:sign}'s {@link SigningRun} without Maven. Writes FILE.asc,
 * FILE.sha256 and FILE.sha512 next to each file, and optionally one sha256sum-format manifest of all of them, signed.
 */
final class SignCommand implements Command {

    private static final String USAGE = """
            usage: java -jar hermetic-maven-plugin.jar sign [options] FILE...
              Writes FILE.asc (detached ASCII-armored OpenPGP signature), FILE.sha256 and FILE.sha512.
              --key FILE              armored secret key file (instead of --key-env)
              --key-env NAME          environment variable holding the armored key (default: MAVEN_GPG_KEY)
              --fingerprint FPR       key or subkey to sign with, 40 or 64 hex digits
                                      (default: $MAVEN_GPG_KEY_FINGERPRINT, else the only key that can sign)
              --passphrase-env NAME   environment variable holding the passphrase (default: MAVEN_GPG_PASSPHRASE)
              --reproducible          stamp signatures with $SOURCE_DATE_EPOCH: the same file signed again with
                                      the same Ed25519 or RSA v4 key gives the same .asc
              --manifest FILE         also write a sha256sum-format manifest of the signed files, signed
                                      and digested like them (FILE.asc, FILE.sha256, FILE.sha512)
            All or nothing: when signing fails, no file of this run is left.
            Exit status: 0 signed, 1 signing failed, 2 bad usage.""";

    private final SigningEnvironment environment;

    SignCommand() {
        this(SigningEnvironment.system());
    }

    SignCommand(SigningEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public String name() {
        return "sign";
    }

    @Override
    public String summary() {
        return "write detached OpenPGP signatures (.asc) and .sha256/.sha512 files, in-process";
    }

    private record Options(
            Path keyFile, String keyEnv, String fingerprint, String passphraseEnv, boolean reproducible,
            Path manifest, List<Path> files) {}

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Options options;
        try {
            CommandLineArguments parsed = CommandLineArguments.parse(args,
                    Set.of("--key", "--key-env", "--fingerprint", "--passphrase-env", "--manifest"),
                    Set.of("--reproducible"));
            if (parsed.help()) {
                out.println(USAGE);
                return 0;
            }
            options = options(parsed);
        } catch (CommandLineArguments.UsageException e) {
            err.println("sign: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        char[] passphrase = environment.passphrase(options.passphraseEnv());
        List<SigningRun.FileToSign> files = options.files().stream().map(SigningRun.FileToSign::inPlace).toList();
        // The files are read and digested while the key is loaded and checked; nothing is written before.
        try (SigningRun run = SigningRun.start(
                files, Optional.ofNullable(options.manifest()), EnumSet.allOf(DigestAlgorithm.class))) {
            SigningKey key = keyLoader(options, passphrase).load();
            out.println("Signing with key " + key.fingerprint() + " from the " + key.sourceDescription());
            SigningRun.Result result = run.signAndWrite(key);
            result.files().forEach(signed -> out.println("Signed " + signed.source().file() + " -> " + outputs(signed)));
            result.manifest().ifPresent(manifest -> out.println(
                    "Wrote " + options.manifest() + ", signed -> " + outputs(manifest)));
            return 0;
        } catch (SigningException e) {
            err.println("sign: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("sign: " + e);
            return 1;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private static String outputs(SigningRun.Signed signed) {
        List<String> names = new ArrayList<>();
        names.add(signed.signature().getFileName().toString());
        signed.sideFiles().values().forEach(sideFile -> names.add(sideFile.getFileName().toString()));
        return String.join(", ", names);
    }

    private SigningKeyLoader keyLoader(Options options, char[] passphrase) throws SigningException {
        SigningKeyLoader loader = new SigningKeyLoader()
                .optionNames(SigningOptionNames.CLI)
                .passphrase(passphrase)
                .passphraseOrigin("the environment variable " + options.passphraseEnv())
                .keySource(SigningKeySource.fileOrEnvironmentVariable(
                        options.keyFile(), options.keyEnv(), environment.variables()));
        if (options.fingerprint() != null) {
            loader.fingerprint(KeyFingerprint.parse(options.fingerprint(), "--fingerprint"));
        } else if (environment.get(SigningEnvironment.KEY_FINGERPRINT).isPresent()) {
            loader.fingerprint(KeyFingerprint.parse(
                    environment.get(SigningEnvironment.KEY_FINGERPRINT).get(), SigningEnvironment.KEY_FINGERPRINT));
        }
        if (options.reproducible()) {
            loader.signatureTime(sourceDateEpoch());
        }
        return loader;
    }

    /** SOURCE_DATE_EPOCH as {@code hermetic:sign} and {@code normalize} read it ({@link BuildTimestamp}). */
    private Instant sourceDateEpoch() throws SigningException {
        if (environment.get(BuildTimestamp.SOURCE_DATE_EPOCH).isEmpty()) {
            throw new SigningException("--reproducible takes the signature time from SOURCE_DATE_EPOCH, which is not"
                    + " set: export it, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)");
        }
        try {
            return Instant.ofEpochSecond(BuildTimestamp.resolve(environment.variables(), null).epochSeconds());
        } catch (IllegalArgumentException e) {
            throw new SigningException(e.getMessage());
        }
    }

    private static Options options(CommandLineArguments parsed) throws CommandLineArguments.UsageException {
        String keyFile = parsed.value("--key", null);
        String manifest = parsed.value("--manifest", null);
        List<Path> files = new ArrayList<>();
        for (String operand : parsed.operands()) {
            files.add(Path.of(operand));
        }
        if (files.isEmpty()) {
            throw new CommandLineArguments.UsageException("no FILE to sign");
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new CommandLineArguments.UsageException("'" + file + "' is not a file");
            }
        }
        return new Options(keyFile == null ? null : Path.of(keyFile),
                parsed.value("--key-env", SigningEnvironment.KEY), parsed.value("--fingerprint", null),
                parsed.value("--passphrase-env", SigningEnvironment.PASSPHRASE), parsed.flag("--reproducible"),
                manifest == null ? null : Path.of(manifest), files);
    }
}
