package dev.hermetic.cli;

import dev.hermetic.attest.Dsse;
import dev.hermetic.attest.ProvenanceVerifier;
import dev.hermetic.sign.OpenPgpCertificate;
import dev.hermetic.sign.SigningException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code verify-provenance --key PUBLIC.asc --provenance FILE [--lockfile hermetic.lock] ARTIFACT...}: checks a
 * provenance envelope offline with {@link ProvenanceVerifier}, as {@code hermetic:verify-provenance} does.
 */
final class VerifyProvenanceCommand implements Command {

    private static final String USAGE = """
            usage: java -jar hermetic-maven-plugin.jar verify-provenance --key PUBLIC.asc --provenance FILE \
            [--lockfile hermetic.lock] ARTIFACT...
              Checks that a key of PUBLIC.asc signed the provenance, that each ARTIFACT's sha256 and sha512 are
              those of the provenance's subject of the same file name, and, with --lockfile, that every Maven
              dependency the provenance lists has the lockfile's checksum and that the lockfile is the one built with.
              --key FILE          the release's public key, armored or binary (gpg --export)
              --provenance FILE   the provenance, a DSSE envelope (<artifactId>-<version>.intoto.jsonl)
              --lockfile FILE     the lockfile of the commit that was built
            Exit status: 0 verified, 1 verification failed, 2 bad usage or unreadable input.""";

    @Override
    public String name() {
        return "verify-provenance";
    }

    @Override
    public String summary() {
        return "check a signed provenance (.intoto.jsonl) against a key, artifacts and a lockfile";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLineArguments parsed;
        List<Path> artifacts = new ArrayList<>();
        try {
            parsed = CommandLineArguments.parse(args, Set.of("--key", "--provenance", "--lockfile"), Set.of());
            if (parsed.help()) {
                out.println(USAGE);
                return 0;
            }
            for (String option : List.of("--key", "--provenance")) {
                if (parsed.value(option, null) == null) {
                    throw new CommandLineArguments.UsageException(option + " is required");
                }
            }
            for (String operand : parsed.operands()) {
                Path artifact = Path.of(operand);
                if (!Files.isRegularFile(artifact)) {
                    throw new CommandLineArguments.UsageException("ARTIFACT '" + artifact + "' is not a file");
                }
                artifacts.add(artifact);
            }
            if (artifacts.isEmpty()) {
                throw new CommandLineArguments.UsageException("no ARTIFACT to check against the provenance's subjects");
            }
        } catch (CommandLineArguments.UsageException e) {
            err.println("verify-provenance: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Path key = Path.of(parsed.value("--key", null));
        Path provenance = Path.of(parsed.value("--provenance", null));
        String lockfile = parsed.value("--lockfile", null);
        ProvenanceVerifier.Result result;
        try {
            OpenPgpCertificate keys = OpenPgpCertificate.read(read(key, "public key file"), "public key file " + key);
            Dsse.Envelope envelope = Dsse.parse(read(provenance, "provenance file"), "provenance file " + provenance);
            result = new ProvenanceVerifier(keys).verify(envelope, provenance.toString(), artifacts,
                    lockfile == null ? null : Path.of(lockfile));
        } catch (NoSuchFileException e) {
            err.println("verify-provenance: " + e.getFile() + " does not exist");
            return 2;
        } catch (SigningException | IOException e) {
            err.println("verify-provenance: " + e.getMessage());
            return 2;
        }
        result.checked().forEach(line -> out.println("OK: " + line));
        result.failures().forEach(line -> err.println("FAILED: " + line));
        if (!result.passed()) {
            err.println("verify-provenance: " + result.failures().size() + " check(s) failed; do not use these"
                    + " artifacts");
            return 1;
        }
        out.println("verify-provenance: verified " + provenance);
        return 0;
    }

    private static byte[] read(Path file, String what) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(what + " " + file + " does not exist");
        }
        return Files.readAllBytes(file);
    }
}
