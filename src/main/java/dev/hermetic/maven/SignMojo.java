package dev.hermetic.maven;

import dev.hermetic.archive.BuildTimestamp;
import dev.hermetic.archive.NormalizationResult;
import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.RecordedDigests;
import dev.hermetic.sign.KeyFingerprint;
import dev.hermetic.sign.SigningEnvironment;
import dev.hermetic.sign.SigningException;
import dev.hermetic.sign.SigningKey;
import dev.hermetic.sign.SigningKeyLoader;
import dev.hermetic.sign.SigningKeySource;
import dev.hermetic.sign.SigningRun;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.rtinfo.RuntimeInformation;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Signs the module's POM, main artifact and every attached artifact with a detached ASCII-armored OpenPGP signature
 * ({@code .asc}) made in-process, writes their SHA-256 and SHA-512 digests next to them (Maven 3.9+, see
 * {@link #sideFileDigests}) and one signed digest manifest for the module ({@code sha256sum} format), and attaches
 * all of it, so that {@code install} and {@code deploy} carry it next to each artifact; what another plugin already
 * attached under the same coordinates is left in place. When {@code hermetic:sbom} or {@code hermetic:provenance} ran
 * right before it and handed it the module's SBOM ({@link PendingSbom}) or provenance ({@link PendingProvenance}),
 * they are made from the digests of this run's one read of each file (the SBOM first, a provenance subject), and
 * written, signed and listed in the manifest in the same run.
 *
 * <p>Bound to {@code verify}: after {@code package}, where {@code hermetic:normalize} runs, and before
 * {@code install}/{@code deploy}. Archives attached after normalization are normalized again first (see
 * docs/normalize.md), so what is signed is what is deployed. The key is loaded and checked before anything is
 * written or attached. With no key at all it signs and attaches nothing and says so in one line, unless
 * {@code hermetic.sign.required} makes that a failure (releases). Secrets (key, passphrase) are read from the environment or settings.xml when the goal runs
 * and are never mojo parameters, so {@code mvn -X} cannot print them.
 */
@Mojo(name = "sign", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public class SignMojo extends SigningKeyMojo {

    /** Classifier and type of the module's digest manifest: {@code <artifactId>-<version>-digests.sha256sum}. */
    static final String MANIFEST_CLASSIFIER = "digests";

    static final String MANIFEST_TYPE = "sha256sum";

    /** Maven Resolver's list of checksum algorithms it generates on deploy (Resolver 1.8+, Maven 3.9+). */
    static final String RESOLVER_CHECKSUM_ALGORITHMS = "aether.checksums.algorithms";

    /** Marks a module already signed in this build, so a second execution does not attach everything twice. */
    private static final String SIGNED_KEY = "dev.hermetic.sign.signed";

    private static final String RECORDED_DIGESTS_KEY = "dev.hermetic.sign.recordedDigests";

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.sign.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Whether a build without a signing key fails. When {@code false} (the default) and no key is found (the
     * environment variable named by {@code keyEnvName} unset or blank, no {@code keyFile}), the goal signs and
     * attaches nothing and says so in one log line: developers build without a key. Set it for releases
     * ({@code -Dhermetic.sign.required=true}, or in a release profile): a missing key then fails the build. A key
     * source or passphrase that is configured but unusable fails the build either way: a {@code keyFile} that does
     * not exist, or a passphrase (its environment variable set, or {@code passphraseServerId}) given with no key.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.sign.required", defaultValue = "false")
    private boolean required;

    /**
     * Where the signatures, digest files and manifest are written before being attached.
     *
     * @since 0.1.0
     */
    @Parameter(property = "hermetic.sign.outputDirectory", defaultValue = "${project.build.directory}/hermetic-sign")
    private File outputDirectory;

    private final MavenProjectHelper projectHelper;

    private final SettingsDecrypter settingsDecrypter;

    private final RuntimeInformation runtime;

    @Inject
    public SignMojo(MavenProjectHelper projectHelper, SettingsDecrypter settingsDecrypter, RuntimeInformation runtime) {
        super("sign");
        this.projectHelper = projectHelper;
        this.settingsDecrypter = settingsDecrypter;
        this.runtime = runtime;
    }

    @Override
    boolean skipGoal() {
        return skip;
    }

    /** Sign skipped: an SBOM, .buildinfo or provenance handed to it is written by its own goal alone. */
    @Override
    void skipped() throws MojoExecutionException, MojoFailureException {
        writeAlone(PendingSbom.take(project), PendingBuildinfo.take(project), PendingProvenance.take(project));
    }

    /**
     * What sign does not make in its run is written the goal's own way, in the order sign would make them: the SBOM
     * and the {@code .buildinfo} first, provenance subjects.
     */
    private static void writeAlone(PendingSbom sbom, PendingBuildinfo buildinfo, PendingProvenance provenance)
            throws MojoExecutionException, MojoFailureException {
        if (sbom != null) {
            sbom.writeAlone();
        }
        if (buildinfo != null) {
            buildinfo.writeAlone();
        }
        if (provenance != null) {
            provenance.writeAlone();
        }
    }

    /**
     * What the build's signing runs read, for the rest of the build: the digests of each file signed or made, with
     * the stamp it had before that read ({@link RecordedDigests}). One per build, in memory; safe under {@code -T}.
     */
    static RecordedDigests recordedDigests(MavenSession session) {
        return BuildScoped.get(session, RECORDED_DIGESTS_KEY, RecordedDigests.class, RecordedDigests::new);
    }

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        PendingSbom sbom = PendingSbom.take(project);
        PendingBuildinfo buildinfo = PendingBuildinfo.take(project);
        PendingProvenance provenance = PendingProvenance.take(project);
        if (project.getContextValue(SIGNED_KEY) != null) {
            getLog().info("Skipping hermetic:sign: " + project.getId() + " was already signed in this build");
            writeAlone(sbom, buildinfo, provenance);
            return;
        }
        PassphraseSource.refusePassphraseProperty(
                List.of(session.getUserProperties(), session.getSystemProperties(), project.getProperties()));
        SigningEnvironment environment = SigningEnvironment.system();
        boolean keyRequired = required || provenance != null && provenance.keyRequired();
        KeySettings keySettings = keySettings(keyRequired);
        SigningKeyLoader loader = keySettings.loader(environment, settings(), settingsDecrypter, project.getId());
        if (!keyRequired && !KeySettings.keyFound(loader, project.getId())) {
            writeAlone(sbom, buildinfo, null); // a build without a key still gets its SBOM and .buildinfo
            getLog().info(notSigning(project.getId(), keySettings.keySource(environment).description(),
                    keySettings.keyEnvName(), provenance != null));
            return;
        }

        List<SignedFilesCollector.SignedFile> files = SignedFilesCollector.collect(project);
        String mavenVersion = runtime.getMavenVersion();
        Set<DigestAlgorithm> sideFileDigests =
                sideFileDigests(mavenVersion, resolverConfig(RESOLVER_CHECKSUM_ALGORITHMS));
        Path directory = outputDirectory.toPath();
        List<SigningRun.FileToSign> toSign = files.stream()
                .map(file -> new SigningRun.FileToSign(file.file(), directory, file.repositoryFileName()))
                .toList();
        SigningRun.Result result;
        List<AttachedFile> made = new ArrayList<>();
        // The files are read and digested while the key is loaded, unlocked and checked (nothing is written before).
        try (SigningRun run = startRun(toSign, directory.resolve(manifestName()), sideFileDigests)) {
            SigningKey key = loadKey(loader);
            if (NormalizationLedger.settingsOf(project) != null && normalizedAgain(run)) {
                run.readAgain(); // the bytes to sign are those the normalizer just wrote
            }
            if (!deploySkipsChecksumFiles(mavenVersion)) {
                getLog().info("Maven " + mavenVersion + "'s deploy writes .md5 and .sha1 files next to every attached"
                        + " file, a .sha256 or .sha512 included, so the .sha256 and .sha512 files are not attached"
                        + " (Maven 3.9 and later attach them); the signed manifest " + manifestName()
                        + " holds each file's SHA-256");
            } else if (sideFileDigests.size() < DigestAlgorithm.values().length) {
                getLog().info("Maven Resolver writes the " + describe(EnumSet.complementOf(toEnumSet(sideFileDigests)))
                        + " files on deploy (" + RESOLVER_CHECKSUM_ALGORITHMS + "), so they are not attached as well");
            }
            // Made in this order, each seeing the files made before it: the SBOM, the .buildinfo, then the provenance
            // of them all. Each made file's type and classifier, for its signature's and digests' attachments.
            List<SigningRun.FileMaker> makers = new ArrayList<>();
            if (sbom != null) {
                makers.addAll(sbom.makers(directory));
                sbom.files().forEach(f -> made.add(new AttachedFile(f.type(), SbomMojo.CLASSIFIER, f.file())));
            }
            if (buildinfo != null) {
                makers.add(buildinfo.maker(recordedDigests(session), directory));
                made.add(new AttachedFile(BuildinfoMojo.TYPE, "", buildinfo.plan().file()));
            }
            PendingProvenance.Prepared prepared = provenance == null ? null : provenance.prepare();
            if (provenance != null) {
                makers.add(provenance.maker(prepared, key, directory, project.getId()));
                made.add(new AttachedFile(ProvenanceMojo.TYPE, "", provenance.file()));
            }
            result = signAndWrite(run, key, makers);
            record(result);
            if (sbom != null) {
                sbom.attach(projectHelper, project);
                getLog().info(sbom.written());
            }
            if (buildinfo != null) {
                BuildinfoMojo.attach(projectHelper, project, buildinfo.plan(), buildinfo.counts(), getLog());
            }
            if (provenance != null) {
                ProvenanceMojo.attach(projectHelper, project, provenance.file());
                long subjects = Stream.concat(result.files().stream(), result.made().stream())
                        .filter(s -> PendingProvenance.isSubject(s.source().name())).count();
                getLog().info(PendingProvenance.written(provenance.repositoryFileName(), (int) subjects,
                        prepared.summary(), key));
            }
        }
        int attached = attach(attachments(files, made, result));
        project.setContextValue(SIGNED_KEY, Boolean.TRUE);
        getLog().info("Signed " + (files.size() + result.made().size() + 1) + " files of " + project.getId()
                + "; attached " + attached + " signatures, digests and the manifest " + manifestName());
    }

    /**
     * Attaches what is not attached yet. An attachment another plugin already made under the same type and
     * classifier (checksum-maven-plugin's {@code .sha512}, maven-gpg-plugin's {@code .asc}) is left in place: Maven
     * would replace it with ours ("already attached, replace previous instance"), and the same repository file name
     * would be deployed twice. Said once, with a warning when a digest there is not that of the bytes signed.
     *
     * @return how many files were attached
     */
    private int attach(List<AttachedFile> attachments) {
        List<String> leftInPlace = new ArrayList<>();
        int attached = 0;
        for (AttachedFile a : attachments) {
            Optional<Artifact> theirs = SignedFilesCollector.attachedAs(project, a.type(), a.classifier());
            if (theirs.isPresent()) {
                File file = theirs.get().getFile();
                leftInPlace.add(a.file().getFileName() + " (from " + file + ")");
                warnIfOtherDigest(a, file);
                continue;
            }
            projectHelper.attachArtifact(project, a.type(), a.classifier().isEmpty() ? null : a.classifier(),
                    a.file().toFile());
            attached++;
        }
        if (!leftInPlace.isEmpty()) {
            getLog().info("Left in place what another plugin already attached under the same coordinates, rather"
                    + " than replace it: " + String.join(", ", leftInPlace));
        }
        return attached;
    }

    /** Another plugin's {@code .sha256}/{@code .sha512} should hold the digest of the bytes signed; says so if not. */
    private void warnIfOtherDigest(AttachedFile ours, File theirs) {
        Optional<DigestAlgorithm> algorithm = Arrays.stream(DigestAlgorithm.values())
                .filter(d -> ours.type().endsWith("." + d.extension()))
                .findFirst();
        if (algorithm.isEmpty() || theirs == null || !theirs.isFile() || theirs.length() > 4096) {
            return;
        }
        try {
            String expected = Files.readString(ours.file()).trim();
            String[] tokens = Files.readString(theirs.toPath()).trim().split("\\s+", 2);
            if (!tokens[0].equalsIgnoreCase(expected)) {
                getLog().warn(ours.file().getFileName() + ", attached by another plugin from " + theirs
                        + ", does not hold the " + algorithm.get().jcaName() + " of the bytes signed (" + expected
                        + "): it was made from other bytes. Bind that plugin after hermetic:normalize, or remove it"
                        + " (hermetic:sign attaches the digests itself).");
            }
        } catch (IOException e) {
            getLog().warn("Cannot read " + theirs + ", attached by another plugin, to compare its digest: " + e);
        }
    }

    private SigningRun startRun(List<SigningRun.FileToSign> files, Path manifest, Set<DigestAlgorithm> sideFileDigests)
            throws MojoFailureException {
        try {
            return SigningRun.start(files, Optional.of(manifest), sideFileDigests);
        } catch (SigningException e) {
            throw new MojoFailureException("Cannot sign " + project.getId() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Archives attached or rewritten after {@code hermetic:normalize} ran are normalized before their bytes are
     * signed. The run's own read decides: a file whose SHA-256 is what the normalizer wrote is signed as read (one
     * read in all); any other archive is normalized now. Called once the key is checked: normalizing rewrites files.
     *
     * @return whether a file was rewritten, so that what the run read is no longer what is installed
     */
    private boolean normalizedAgain(SigningRun run) throws MojoExecutionException, MojoFailureException {
        Map<Path, String> sha256ByFile;
        try {
            sha256ByFile = run.sha256ByFile();
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read a file to sign: " + e
                    + ". Check that the plugin that attached it left it in place, readable.", e);
        }
        return NormalizationLedger.normalizeAgainIfConfigured(project, getLog(), sha256ByFile).stream()
                .anyMatch(result -> result.outcome() == NormalizationResult.Outcome.NORMALIZED);
    }

    /**
     * The settings that say which key signs and how: read by the mojo from its parameters, and in extension mode from
     * the planned configuration as the build starts ({@link GoalSettingsCheck}), so both judge them by this code.
     */
    record KeySettings(boolean required, File keyFile, String keyEnvName, String fingerprint,
            String fingerprintEnvName, String passphraseEnvName, String passphraseServerId, boolean reproducible,
            String outputTimestamp) {

        /** The configured loader: the passphrase resolved, the fingerprint and the signature time checked. */
        SigningKeyLoader loader(SigningEnvironment environment, Settings settings, SettingsDecrypter decrypter,
                String projectId) throws MojoFailureException {
            char[] passphrase = PassphraseSource.resolve(
                    passphraseServerId, passphraseEnvName, settings, decrypter, environment);
            try {
                SigningKeyLoader loader = new SigningKeyLoader()
                        .keySource(keySource(environment))
                        .passphrase(passphrase)
                        .passphraseOrigin(PassphraseSource.origin(passphraseServerId, passphraseEnvName))
                        .fingerprint(fingerprint(environment).orElse(null));
                if (reproducible) {
                    loader.signatureTime(signatureTime(environment.variables(), outputTimestamp));
                }
                return loader;
            } catch (SigningException e) {
                throw cannotSign(projectId, e);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }

        /**
         * What the goal checks before it reads a file of the build: the loader configured, a named key source that
         * cannot be read or a passphrase without a key refused, and, when {@code required}, a missing key. The key
         * itself is loaded and unlocked only when the goal runs.
         */
        void checkBeforeSigning(SigningEnvironment environment, Settings settings, SettingsDecrypter decrypter,
                String projectId) throws MojoFailureException {
            SigningKeyLoader loader = loader(environment, settings, decrypter, projectId);
            if (!keyFound(loader, projectId) && required) {
                try {
                    loader.load(); // no key: fails with the loader's own account of the sources it tried
                } catch (SigningException e) {
                    throw cannotSign(projectId, e);
                }
            }
        }

        static boolean keyFound(SigningKeyLoader loader, String projectId) throws MojoFailureException {
            try {
                return loader.keyFound();
            } catch (SigningException e) {
                throw cannotSign(projectId, e);
            }
        }

        SigningKeySource keySource(SigningEnvironment environment) {
            return SigningKeySource.fileOrEnvironmentVariable(
                    keyFile == null ? null : keyFile.toPath(), keyEnvName, environment.variables());
        }

        Optional<KeyFingerprint> fingerprint(SigningEnvironment environment) throws SigningException {
            if (fingerprint != null && !fingerprint.isBlank()) {
                return Optional.of(KeyFingerprint.parse(fingerprint, "hermetic.sign.fingerprint"));
            }
            Optional<String> fromEnvironment = environment.get(fingerprintEnvName);
            if (fromEnvironment.isPresent()) {
                return Optional.of(KeyFingerprint.parse(fromEnvironment.get(),
                        "environment variable " + fingerprintEnvName));
            }
            return Optional.empty();
        }
    }

    private SigningKey loadKey(SigningKeyLoader loader) throws MojoFailureException {
        try {
            SigningKey key = loader.load();
            getLog().info("Signing with key " + key.fingerprint() + " from the " + key.sourceDescription()
                    + (keySettings(false).reproducible() ? " (reproducible: signature time fixed)" : ""));
            return key;
        } catch (SigningException e) {
            throw cannotSign(project.getId(), e);
        }
    }

    private static MojoFailureException cannotSign(String projectId, SigningException e) {
        return new MojoFailureException("Cannot sign " + projectId + ": " + e.getMessage(), e);
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

    /** Signs every file and the manifest, and writes them all, or nothing when anything fails. */
    private SigningRun.Result signAndWrite(SigningRun run, SigningKey key, List<SigningRun.FileMaker> makers)
            throws MojoExecutionException, MojoFailureException {
        try {
            return run.signAndWrite(key, makers);
        } catch (SigningException e) {
            throw new MojoFailureException("Cannot sign " + project.getId() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write signatures or digests to " + outputDirectory + ": " + e
                    + ". Check free space and permissions there.", e);
        }
    }

    /**
     * What the run wrote, as attachments: each file's signature and side files under its extension and classifier,
     * then the manifest and its own; logs each file's SHA-256.
     */
    private List<AttachedFile> attachments(List<SignedFilesCollector.SignedFile> files, List<AttachedFile> made,
            SigningRun.Result result) {
        List<AttachedFile> attachments = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            addAttachments(files.get(i).extension(), files.get(i).classifier(), result.files().get(i), attachments);
        }
        // The made files themselves are attached by their own goal's attach, in the order they were made.
        for (int i = 0; i < made.size(); i++) {
            addAttachments(made.get(i).type(), made.get(i).classifier(), result.made().get(i), attachments);
        }
        SigningRun.Signed manifest = result.manifest().orElseThrow();
        attachments.add(new AttachedFile(MANIFEST_TYPE, MANIFEST_CLASSIFIER, manifest.source().file()));
        addAttachments(MANIFEST_TYPE, MANIFEST_CLASSIFIER, manifest, attachments);
        return attachments;
    }

    /** Records every file the run signed or made with its digests and stamp, for the rest of the build. */
    private void record(SigningRun.Result result) {
        RecordedDigests recorded = recordedDigests(session);
        List<SigningRun.Signed> all = new ArrayList<>(result.files());
        all.addAll(result.made());
        result.manifest().ifPresent(all::add);
        for (SigningRun.Signed signed : all) {
            signed.stamp().ifPresent(stamp -> recorded.record(signed.source().file(), stamp, signed.digests()));
        }
    }

    private void addAttachments(String extension, String classifier, SigningRun.Signed signed,
            List<AttachedFile> attachments) {
        attachments.add(new AttachedFile(extension + ".asc", classifier, signed.signature()));
        signed.sideFiles().forEach((algorithm, sideFile) ->
                attachments.add(new AttachedFile(extension + "." + algorithm.extension(), classifier, sideFile)));
        getLog().info("sha256:" + signed.digests().get(DigestAlgorithm.SHA_256) + "  " + signed.source().name());
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
     * Whether this Maven's deploy leaves out checksums of checksum files: Maven Resolver 1.8+ (Maven 3.9+) does;
     * Maven 3.8's Resolver 1.6 writes {@code .md5} and {@code .sha1} for every attached file, so an attached
     * {@code .sha256} would be deployed with a {@code .sha256.md5} and a {@code .sha256.sha1}.
     */
    static boolean deploySkipsChecksumFiles(String mavenVersion) {
        return new ComparableVersion(mavenVersion).compareTo(new ComparableVersion("3.9.0")) >= 0;
    }

    /**
     * The digests to write as attached side files: none before Maven 3.9 (see {@link #deploySkipsChecksumFiles}),
     * else those Maven Resolver does not already generate for every deployed file. Resolver writes the algorithms
     * of {@code aether.checksums.algorithms} (default SHA-1, MD5) next to each upload; attaching a {@code .sha256}
     * as well would upload the same path twice.
     */
    static Set<DigestAlgorithm> sideFileDigests(String mavenVersion, Object resolverAlgorithms) {
        if (!deploySkipsChecksumFiles(mavenVersion)) {
            return EnumSet.noneOf(DigestAlgorithm.class);
        }
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
