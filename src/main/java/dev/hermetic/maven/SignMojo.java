package dev.hermetic.maven;

import dev.hermetic.archive.BuildTimestamp;
import dev.hermetic.archive.NormalizationResult;
import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.DigestManifest;
import dev.hermetic.digest.MultiDigest;
import dev.hermetic.io.AtomicFile;
import dev.hermetic.sign.BatchSigner;
import dev.hermetic.sign.KeyFingerprint;
import dev.hermetic.sign.OpenPgpSigner;
import dev.hermetic.sign.SigningEnvironment;
import dev.hermetic.sign.SigningException;
import dev.hermetic.sign.SigningKeySource;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Signs the module's POM, main artifact and every attached artifact with a detached ASCII-armored OpenPGP signature
 * ({@code .asc}) made in-process, writes their SHA-256 and SHA-512 digests next to them and one signed digest
 * manifest for the module ({@code sha256sum} format), and attaches all of it, so that {@code install} and
 * {@code deploy} carry it next to each artifact.
 *
 * <p>Bound to {@code verify}: after {@code package}, where {@code hermetic:normalize} runs, and before
 * {@code install}/{@code deploy}. Archives attached after normalization are normalized again first (see
 * docs/normalize.md), so what is signed is what is deployed. The key is loaded and checked before anything is
 * written or attached. Secrets (key, passphrase) are read from the environment or settings.xml when the goal runs
 * and are never mojo parameters, so {@code mvn -X} cannot print them.
 */
@Mojo(name = "sign", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public class SignMojo extends AbstractMojo {

    /** Classifier and type of the module's digest manifest: {@code <artifactId>-<version>-digests.sha256sum}. */
    static final String MANIFEST_CLASSIFIER = "digests";

    static final String MANIFEST_TYPE = "sha256sum";

    /** Maven Resolver's list of checksum algorithms it generates on deploy (Resolver 1.8+, Maven 3.9+). */
    static final String RESOLVER_CHECKSUM_ALGORITHMS = "aether.checksums.algorithms";

    /** Marks a module already signed in this build, so a second execution does not attach everything twice. */
    private static final String SIGNED_KEY = "dev.hermetic.sign.signed";

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.sign.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Skips every goal of this plugin.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.skip", defaultValue = "false")
    private boolean skipAll;

    /**
     * File holding the secret key, ASCII-armored or binary, as written by
     * {@code gpg --armor --export-secret-keys <fingerprint>}. When set, it is the only key source (a missing file is
     * an error); when not set, the key comes from the environment variable named by {@code keyEnvName}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.sign.keyFile")
    private File keyFile;

    /**
     * Name of the environment variable holding the ASCII-armored secret key (the variable's value, never this
     * parameter, holds the key).
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.sign.keyEnvName", defaultValue = SigningEnvironment.KEY)
    private String keyEnvName;

    /**
     * Fingerprint (40 or 64 hex digits) of the key or subkey to sign with, when the key material holds more than
     * one key that can sign. When not set, the environment variable named by {@code fingerprintEnvName} is read.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.sign.fingerprint")
    private String fingerprint;

    /**
     * Name of the environment variable holding the fingerprint, read when {@code fingerprint} is not set.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.sign.fingerprintEnvName", defaultValue = SigningEnvironment.KEY_FINGERPRINT)
    private String fingerprintEnvName;

    /**
     * Name of the environment variable holding the key's passphrase; unset means the key has none. Ignored when
     * {@code passphraseServerId} is set. There is deliberately no parameter or property for the passphrase itself.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.sign.passphraseEnvName", defaultValue = SigningEnvironment.PASSPHRASE)
    private String passphraseEnvName;

    /**
     * Id of a settings.xml {@code <server>} whose {@code <passphrase>} (encrypted with
     * {@code mvn --encrypt-password}, or plain) unlocks the key. Takes precedence over {@code passphraseEnvName}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.sign.passphraseServerId")
    private String passphraseServerId;

    /**
     * Makes signatures reproducible: every signature carries the build's fixed time ({@code SOURCE_DATE_EPOCH},
     * else {@code project.build.outputTimestamp}) instead of the current time, so signing the same bytes with the
     * same key gives the same {@code .asc}. See docs/signing.md for the trade-off.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.sign.reproducible", defaultValue = "false")
    private boolean reproducible;

    /**
     * Where the signatures, digest files and manifest are written before being attached.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.sign.outputDirectory", defaultValue = "${project.build.directory}/hermetic-sign")
    private File outputDirectory;

    /**
     * The signature time of reproducible signatures when the environment variable {@code SOURCE_DATE_EPOCH} is not
     * set: ISO-8601 (e.g. {@code 2026-01-01T00:00:00Z}) or integer seconds since 1970, as for maven-archiver.
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
    private String outputTimestamp;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    private Settings settings;

    private final MavenProjectHelper projectHelper;

    private final SettingsDecrypter settingsDecrypter;

    @Inject
    public SignMojo(MavenProjectHelper projectHelper, SettingsDecrypter settingsDecrypter) {
        this.projectHelper = projectHelper;
        this.settingsDecrypter = settingsDecrypter;
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipAll) {
            getLog().info("Skipping hermetic:sign (" + (skip ? "hermetic.sign.skip" : "hermetic.skip") + " is true)");
            return;
        }
        if (project.getContextValue(SIGNED_KEY) != null) {
            getLog().info("Skipping hermetic:sign: " + project.getId() + " was already signed in this build");
            return;
        }
        PassphraseSource.refusePassphraseProperty(
                List.of(session.getUserProperties(), session.getSystemProperties(), project.getProperties()));
        SigningEnvironment environment = SigningEnvironment.system();

        List<SignedFilesCollector.SignedFile> files = SignedFilesCollector.collect(project);
        List<Path> paths = files.stream().map(SignedFilesCollector.SignedFile::file).toList();
        Set<DigestAlgorithm> sideFileDigests = sideFileDigests(resolverConfig(RESOLVER_CHECKSUM_ALGORITHMS));
        List<AttachedFile> attachments;
        // The files are read and digested while the key is loaded, unlocked and checked (nothing is written before).
        BatchSigner batch = BatchSigner.start(paths);
        try {
            OpenPgpSigner signer = prepareSigner(environment);
            if (NormalizationLedger.settingsOf(project) != null && normalizedAgain(batch, paths)) {
                batch.close();
                batch = BatchSigner.start(paths); // the bytes to sign are those the normalizer just wrote
            }
            if (sideFileDigests.size() < DigestAlgorithm.values().length) {
                getLog().info("Maven Resolver writes the " + describe(EnumSet.complementOf(toEnumSet(sideFileDigests)))
                        + " files on deploy (" + RESOLVER_CHECKSUM_ALGORITHMS + "), so they are not attached as well");
            }
            attachments = signAll(signer, batch, files, sideFileDigests);
        } finally {
            batch.close();
        }
        for (AttachedFile a : attachments) {
            projectHelper.attachArtifact(project, a.type(), a.classifier().isEmpty() ? null : a.classifier(),
                    a.file().toFile());
        }
        project.setContextValue(SIGNED_KEY, Boolean.TRUE);
        getLog().info("Signed " + (files.size() + 1) + " files of " + project.getId() + "; attached "
                + attachments.size() + " signatures, digests and the manifest " + manifestName());
    }

    /**
     * Archives attached or rewritten after {@code hermetic:normalize} ran are normalized before their bytes are
     * signed. The batch's own read decides: a file whose SHA-256 is what the normalizer wrote is signed as read (one
     * read in all); any other archive is normalized now. Called once the key is checked: normalizing rewrites files.
     *
     * @return whether a file was rewritten, so that what the batch read is no longer what is installed
     */
    private boolean normalizedAgain(BatchSigner batch, List<Path> paths)
            throws MojoExecutionException, MojoFailureException {
        List<String> sha256 = readDigests(batch, DigestAlgorithm.SHA_256);
        Map<Path, String> sha256ByFile = new HashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            sha256ByFile.put(paths.get(i), sha256.get(i));
        }
        return NormalizationLedger.normalizeAgainIfConfigured(project, getLog(), sha256ByFile).stream()
                .anyMatch(result -> result.outcome() == NormalizationResult.Outcome.NORMALIZED);
    }

    private static List<String> readDigests(BatchSigner batch, DigestAlgorithm algorithm)
            throws MojoExecutionException {
        try {
            return batch.digests(algorithm);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read a file to sign: " + e
                    + ". Check that the plugin that attached it left it in place, readable.", e);
        }
    }

    private OpenPgpSigner prepareSigner(SigningEnvironment environment) throws MojoFailureException {
        char[] passphrase = PassphraseSource.resolve(
                passphraseServerId, passphraseEnvName, settings, settingsDecrypter, environment);
        try {
            OpenPgpSigner.Builder builder = OpenPgpSigner.builder()
                    .keySources(keySources(environment))
                    .passphrase(passphrase)
                    .fingerprint(fingerprint(environment).orElse(null));
            if (reproducible) {
                builder.signatureTime(signatureTime(environment.variables(), outputTimestamp));
            }
            OpenPgpSigner signer = builder.build();
            signer.prepare();
            getLog().info("Signing with key " + signer.keyFingerprint() + " from the " + signer.keySourceDescription()
                    + (reproducible ? " (reproducible: signature time fixed)" : ""));
            return signer;
        } catch (SigningException e) {
            // The core names the environment variable; say so when the passphrase came from settings.xml instead.
            String origin = passphraseServerId == null || passphraseServerId.isBlank()
                    ? ""
                    : " (the passphrase was read from the <passphrase> of settings.xml server '"
                            + passphraseServerId.trim() + "', which takes precedence over the environment)";
            throw new MojoFailureException("Cannot sign " + project.getId() + ": " + e.getMessage() + origin, e);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    List<SigningKeySource> keySources(SigningEnvironment environment) {
        if (keyFile != null) {
            return List.of(SigningKeySource.file(keyFile.toPath()));
        }
        return List.of(SigningKeySource.environmentVariable(keyEnvName, environment.variables()));
    }

    Optional<KeyFingerprint> fingerprint(SigningEnvironment environment) throws SigningException {
        if (fingerprint != null && !fingerprint.isBlank()) {
            return Optional.of(KeyFingerprint.parse(fingerprint, "hermetic.sign.fingerprint"));
        }
        Optional<String> fromEnvironment = environment.get(fingerprintEnvName);
        if (fromEnvironment.isPresent()) {
            return Optional.of(KeyFingerprint.parse(fromEnvironment.get(), "environment variable " + fingerprintEnvName));
        }
        return Optional.empty();
    }

    /** The build's fixed time: SOURCE_DATE_EPOCH, else project.build.outputTimestamp; refused when neither is set. */
    static Instant signatureTime(Map<String, String> environment, String outputTimestamp)
            throws MojoFailureException {
        String epoch = environment.get(BuildTimestamp.SOURCE_DATE_EPOCH);
        boolean hasEpoch = epoch != null && !epoch.isBlank();
        boolean hasTimestamp = outputTimestamp != null && outputTimestamp.trim().length() > 1;
        if (!hasEpoch && !hasTimestamp) {
            throw new MojoFailureException("hermetic.sign.reproducible is true but the build has no fixed time: set"
                    + " <project.build.outputTimestamp> (e.g. 2026-01-01T00:00:00Z) in the POM or the environment"
                    + " variable SOURCE_DATE_EPOCH, or turn reproducible signatures off.");
        }
        try {
            BuildTimestamp timestamp = BuildTimestamp.resolve(environment, outputTimestamp);
            return Instant.ofEpochSecond(timestamp.epochSeconds());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("Invalid signature time for hermetic.sign.reproducible: " + e.getMessage()
                    + ". Set <project.build.outputTimestamp> to an ISO-8601 instant (e.g. 2026-01-01T00:00:00Z) or"
                    + " SOURCE_DATE_EPOCH to integer seconds since 1970.", e);
        }
    }

    /**
     * Signs and digests every file (read by {@code batch}), writes the manifest and signs it. Files are only written
     * here, attached by the caller; on failure what this run wrote is deleted, so a failed build leaves no stray
     * signature.
     */
    private List<AttachedFile> signAll(OpenPgpSigner signer, BatchSigner batch,
            List<SignedFilesCollector.SignedFile> files, Set<DigestAlgorithm> sideFileDigests)
            throws MojoExecutionException, MojoFailureException {
        List<AttachedFile> attachments = new ArrayList<>();
        boolean done = false;
        try {
            Files.createDirectories(outputDirectory.toPath());
            Map<String, String> manifest = new TreeMap<>();
            Iterator<SignedFilesCollector.SignedFile> next = files.iterator();
            batch.signAll(signer, signed -> {
                SignedFilesCollector.SignedFile file = next.next();
                manifest.put(file.repositoryFileName(),
                        write(file, signed.armoredSignature(), signed.digests(), sideFileDigests, attachments));
            });
            Path manifestFile = outputDirectory.toPath().resolve(manifestName());
            attachments.add(new AttachedFile(MANIFEST_TYPE, MANIFEST_CLASSIFIER, manifestFile));
            DigestManifest.of(DigestAlgorithm.SHA_256, manifest).write(manifestFile);
            SignedFilesCollector.SignedFile manifestEntry = new SignedFilesCollector.SignedFile(
                    manifestFile, MANIFEST_TYPE, MANIFEST_CLASSIFIER, manifestName());
            MultiDigest manifestDigests = MultiDigest.read(manifestFile, EnumSet.allOf(DigestAlgorithm.class));
            write(manifestEntry, signer.armoredSignature(manifestFile, manifestDigests), manifestDigests.hex(),
                    sideFileDigests, attachments);
            done = true;
            return attachments;
        } catch (SigningException e) {
            throw new MojoFailureException("Cannot sign " + project.getId() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write signatures or digests to " + outputDirectory + ": " + e
                    + ". Check free space and permissions there.", e);
        } finally {
            if (!done) {
                for (AttachedFile a : attachments) {
                    try {
                        Files.deleteIfExists(a.file());
                    } catch (IOException ignored) {
                        // Best effort: the build is failing already, with the reason above.
                    }
                }
            }
        }
    }

    /**
     * Writes one file's signature and side digests, logs its SHA-256; returns the SHA-256. Each file is listed in
     * {@code attachments} before it is written, so that a failure part way still cleans it up.
     */
    private String write(SignedFilesCollector.SignedFile file, byte[] armoredSignature,
            Map<DigestAlgorithm, String> digests, Set<DigestAlgorithm> sideFileDigests, List<AttachedFile> attachments)
            throws IOException {
        Path directory = outputDirectory.toPath();
        Path asc = directory.resolve(file.repositoryFileName() + ".asc");
        attachments.add(new AttachedFile(file.extension() + ".asc", file.classifier(), asc));
        AtomicFile.write(asc, armoredSignature);
        // Named after the repository file, in the output directory: the POM's side file must not land next to
        // pom.xml in the sources.
        Path inRepository = directory.resolve(file.repositoryFileName());
        Map<DigestAlgorithm, String> sideDigests = new EnumMap<>(DigestAlgorithm.class);
        sideFileDigests.forEach(a -> sideDigests.put(a, digests.get(a)));
        for (DigestAlgorithm algorithm : sideDigests.keySet()) {
            attachments.add(new AttachedFile(file.extension() + "." + algorithm.extension(), file.classifier(),
                    DigestManifest.sideFile(inRepository, algorithm)));
        }
        DigestManifest.writeSideFiles(inRepository, sideDigests);
        String sha256 = digests.get(DigestAlgorithm.SHA_256);
        getLog().info("sha256:" + sha256 + "  " + file.repositoryFileName());
        return sha256;
    }

    private String manifestName() {
        return SignedFilesCollector.repositoryFileName(
                project.getArtifactId(), project.getVersion(), MANIFEST_CLASSIFIER, MANIFEST_TYPE);
    }

    private Object resolverConfig(String key) {
        if (session.getRepositorySession() == null) {
            return null;
        }
        return session.getRepositorySession().getConfigProperties().get(key);
    }

    /**
     * The digests to write as attached side files: those Maven Resolver does not already generate for every
     * deployed file. Resolver writes the algorithms of {@code aether.checksums.algorithms} (default SHA-1, MD5)
     * next to each upload; attaching a {@code .sha256} as well would upload the same path twice.
     */
    static Set<DigestAlgorithm> sideFileDigests(Object resolverAlgorithms) {
        Set<DigestAlgorithm> result = EnumSet.allOf(DigestAlgorithm.class);
        if (resolverAlgorithms == null) {
            return result;
        }
        for (String name : resolverAlgorithms.toString().split(",")) {
            String n = name.trim().toLowerCase(Locale.ROOT).replace("-", "");
            result.removeIf(a -> a.extension().equals(n));
        }
        return result;
    }

    private static EnumSet<DigestAlgorithm> toEnumSet(Set<DigestAlgorithm> set) {
        return set.isEmpty() ? EnumSet.noneOf(DigestAlgorithm.class) : EnumSet.copyOf(set);
    }

    private static String describe(Set<DigestAlgorithm> algorithms) {
        List<String> names = new ArrayList<>();
        algorithms.forEach(a -> names.add("." + a.extension()));
        return String.join(" and ", names);
    }
}
