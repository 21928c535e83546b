package dev.hermetic.lock;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares what a build uses now with its lockfile. Each distinct file is hashed once, in parallel.
 *
 * <p>A checksum mismatch, a missing file and an artifact that is not locked are always errors. A locked artifact used
 * in a way the lockfile does not record ({@link Finding.Kind#USAGE_DIFFERS}), locked artifacts the build no longer
 * uses, and a different Maven/Java/wrapper, are findings whose severity the caller chooses with a {@link Policy}
 * ({@link Policy#IGNORE} drops them). Excluded artifacts are neither checked nor reported unused; the
 * report says which pattern excluded what.
 *
 * <p>A lockfile may lock several {@link BuildVariant}s: a build is verified against its own entries
 * ({@link Lockfile#forBuild}), exactly as if they were the whole lockfile. Entries of other builds are neither
 * unused nor usable here; an artifact locked only for another build is reported as not locked, saying so. Every
 * message that suggests locking gives the command that locks this build ({@link BuildVariant#lockCommand}).
 *
 * <p>Typical use from a build-tool adapter:
 * <pre>{@code
 * Lockfile lock = LockfileReader.read(root.resolve(Lockfile.DEFAULT_FILE_NAME));
 * VerificationReport report = new LockfileVerifier(lock, List.of("org.example:*"), Policy.WARN, Policy.WARN,
 *         Policy.FAIL, mavenVersionOrder).verify(usedArtifacts, currentEnvironment);
 * report.findings().forEach(f -> log(f.severity(), f.toString()));
 * if (!report.passed()) fail(report.summary());
 * }</pre>
 */
public final class LockfileVerifier {

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::kind)
            .thenComparing(Finding::coordinates, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(f -> f.file() == null ? "" : f.file().toString())
            .thenComparing(Finding::message);

    /** The entries of the build verified: a lockfile of that build alone. */
    private final Lockfile lockfile;
    /** The whole lockfile, every build's entries. */
    private final Lockfile allBuilds;
    /** The build verified, or null for every build at once. */
    private final BuildVariant build;
    private final List<ArtifactPattern> exclusions;
    private final Policy environmentPolicy;
    private final Policy unusedPolicy;
    private final Policy usagePolicy;
    private final Comparator<String> versionOrder;

    /**
     * @param exclusionPatterns {@link ArtifactPattern} texts; artifacts matching any are skipped
     * @param environmentPolicy severity of {@link Finding.Kind#ENVIRONMENT_DIFFERS} ({@code WARN} by default,
     *     {@code FAIL} when strict)
     * @param unusedPolicy severity of {@link Finding.Kind#UNUSED} ({@code WARN} by default)
     * @param usagePolicy severity of {@link Finding.Kind#USAGE_DIFFERS} ({@code FAIL} by default)
     * @param versionOrder the build tool's order of versions (Maven's is not the strings' order), for messages that
     *     list the versions the lockfile has of an artifact
     * @throws IllegalArgumentException for a malformed pattern, naming it
     */
    public LockfileVerifier(Lockfile lockfile, Collection<String> exclusionPatterns, Policy environmentPolicy,
            Policy unusedPolicy, Policy usagePolicy, Comparator<String> versionOrder) {
        this(lockfile, null, exclusionPatterns, environmentPolicy, unusedPolicy, usagePolicy, versionOrder);
    }

    /**
     * As above, for one build of the lockfile: verified against that build's entries. A build the lockfile does not
     * lock has none (every artifact is then reported as not locked, with the command that locks it).
     *
     * @param build the build verified; null for the entries of every build at once (e.g. checking a local
     *     repository against the whole lockfile)
     */
    public LockfileVerifier(Lockfile lockfile, BuildVariant build, Collection<String> exclusionPatterns,
            Policy environmentPolicy, Policy unusedPolicy, Policy usagePolicy, Comparator<String> versionOrder) {
        this.allBuilds = Objects.requireNonNull(lockfile, "lockfile");
        this.build = build;
        if (build == null) {
            this.lockfile = lockfile;
        } else if (lockfile.build(build.name()).isPresent()) {
            this.lockfile = lockfile.forBuild(build.name());
        } else {
            this.lockfile = new Lockfile(lockfile.formatVersion(), lockfile.algorithm(), lockfile.environment(),
                    lockfile.modules(), List.of(build), List.of());
        }
        this.exclusions = exclusionPatterns.stream().map(ArtifactPattern::parse).toList();
        this.environmentPolicy = Objects.requireNonNull(environmentPolicy, "environmentPolicy");
        this.unusedPolicy = Objects.requireNonNull(unusedPolicy, "unusedPolicy");
        this.usagePolicy = Objects.requireNonNull(usagePolicy, "usagePolicy");
        this.versionOrder = Objects.requireNonNull(versionOrder, "versionOrder");
    }

    /**
     * Verifies, hashing every file.
     *
     * @param used what the build uses now, in any order, duplicates welcome
     * @param current the current environment, or null not to compare it (e.g. outside a build)
     * @throws IOException if an existing file cannot be read (missing files are findings, not exceptions)
     */
    public VerificationReport verify(Collection<UsedArtifact> used, BuildEnvironment current) throws IOException {
        long start = System.nanoTime();
        Map<String, SortedSet<ArtifactCoordinates>> excluded = new LinkedHashMap<>();
        exclusions.forEach(p -> excluded.put(p.toString(), new TreeSet<>()));

        Map<ArtifactCoordinates, List<UsedArtifact>> byCoordinates = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        for (UsedArtifact u : used) {
            if (exclude(u.coordinates(), excluded)) {
                continue;
            }
            byCoordinates.computeIfAbsent(u.coordinates(), c -> new ArrayList<>()).add(u);
            if (u.file() != null) {
                files.add(u.file());
            }
        }
        // Missing files are left out of the hashes and reported by check().
        HashedFiles hashes = HashedFiles.of(files, lockfile.algorithm());

        List<Finding> findings = new ArrayList<>();
        Map<ArtifactCoordinates, LockedArtifact> locked = lockfile.index();
        Set<String> withFiles = new HashSet<>();
        byCoordinates.keySet().stream().filter(c -> !c.extension().equals("pom")).forEach(c -> withFiles.add(gav(c)));
        for (Map.Entry<ArtifactCoordinates, List<UsedArtifact>> e : byCoordinates.entrySet()) {
            check(e.getKey(), e.getValue(), locked.get(e.getKey()), hashes, withFiles, findings);
        }
        Finding.Severity usage = severity(usagePolicy);
        if (usage != null) {
            checkUsage(byCoordinates, locked, usage, findings);
        }
        Finding.Severity unused = severity(unusedPolicy);
        for (LockedArtifact a : lockfile.artifacts()) {
            if (!byCoordinates.containsKey(a.coordinates()) && !exclude(a.coordinates(), excluded) && unused != null) {
                findings.add(new Finding(Finding.Kind.UNUSED, unused, a.coordinates(), null, a.digest(), "",
                        a.coordinates() + " is in the lockfile" + forThisBuild() + " but this build does not use "
                                + "it.", "If it is no longer needed, run `" + lockCommand() + "` to drop it"
                                + (forThisBuild().isEmpty() ? "" : " from this build's entries")
                                + "; a partial build (-pl, a skipped plugin) also uses less."));
            }
        }
        if (current != null) {
            compareEnvironment(lockfile.environment(), current, findings);
        }
        findings.sort(ORDER);
        return new VerificationReport(findings, excluded, byCoordinates.size(), hashes.fileCount(),
                hashes.byteCount(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** @param withFiles {@link #gav} of every artifact the build uses other than a POM */
    private void check(ArtifactCoordinates c, List<UsedArtifact> uses, LockedArtifact entry, HashedFiles hashes,
            Set<String> withFiles, List<Finding> findings) {
        String algorithm = lockfile.algorithm().jcaName();
        String plugins = plugins(uses);
        TreeMap<String, UsedArtifact> byFile = new TreeMap<>();
        for (UsedArtifact u : uses) {
            byFile.putIfAbsent(String.valueOf(u.file()), u);
        }
        for (UsedArtifact u : byFile.values()) {
            HashedFiles.Hash hash = u.file() == null ? null : hashes.get(u.file());
            if (hash == null) {
                findings.add(new Finding(Finding.Kind.MISSING_FILE, Finding.Severity.ERROR, c, u.file(),
                        entry == null ? "" : entry.digest(), "", c + ": file " + u.file() + " does not exist.",
                        "Resolve the project again (online once) so that the file is downloaded, then verify again."));
                continue;
            }
            String actual = hash.digest();
            if (entry == null) {
                findings.add(new Finding(Finding.Kind.NOT_IN_LOCKFILE, Finding.Severity.ERROR, c, u.file(), "", actual,
                        c + " (" + LockfileFields.roleToken(u.role()) + " of " + u.module()
                                + (plugins.isEmpty() ? "" : ", pulled in by " + plugins) + ", " + algorithm + " "
                                + actual + ") is not in the lockfile" + forThisBuild() + lockedForOtherBuilds(c)
                                + otherVersions(c, uses, withFiles) + ".",
                        "Review the new artifact (why it is needed, where it comes from), then run `"
                                + lockCommand() + "` and commit the lockfile change."));
            } else if (!entry.digest().equals(actual)) {
                findings.add(new Finding(Finding.Kind.DIGEST_MISMATCH, Finding.Severity.ERROR, c, u.file(),
                        entry.digest(), actual, "Checksum mismatch for " + c
                                + (plugins.isEmpty() ? "" : " (pulled in by " + plugins + ")") + ": " + u.file()
                                + " has " + algorithm
                                + " " + actual + ", the lockfile expects " + entry.digest() + ".",
                        "Delete " + u.file().toAbsolutePath().getParent() + " from the local repository and build "
                                + "again to re-download it; if the mismatch persists, the artifact may have been "
                                + "tampered with on the repository or a mirror: investigate (compare with the "
                                + "checksum published on Maven Central) before changing the lockfile."));
            }
        }
    }

    /** Which build's entries were looked at, when the lockfile locks more than one. */
    private String forThisBuild() {
        return build != null && allBuilds.builds().size() > 1 ? " for build " + build.describe() : "";
    }

    /** The command that locks the build verified. */
    private String lockCommand() {
        return build == null ? Lockfile.LOCK_COMMAND : build.lockCommand();
    }

    /** E.g. {@code  (locked for build release only)}, when other builds' entries hold {@code c}; else empty. */
    private String lockedForOtherBuilds(ArtifactCoordinates c) {
        return allBuilds.find(c).map(a -> " (locked for build" + (a.builds().size() == 1 ? " " : "s ")
                + String.join(", ", a.builds()) + " only)").orElse("");
    }

    /** The plugins that pulled these uses in, comma-separated, or empty if none did. */
    private static String plugins(List<UsedArtifact> uses) {
        TreeSet<String> plugins = new TreeSet<>();
        uses.forEach(u -> {
            if (!u.plugin().isEmpty()) {
                plugins.add(u.plugin());
            }
        });
        return String.join(", ", plugins);
    }

    /**
     * Finds the uses of locked artifacts that the lockfile does not record: exactly what re-locking would add to an
     * artifact line's roles, scopes, modules or plugins. Fewer uses (a partial build) are not drift. A module the
     * lockfile does not name at all is reported once, not for every artifact it uses.
     */
    private void checkUsage(Map<ArtifactCoordinates, List<UsedArtifact>> byCoordinates,
            Map<ArtifactCoordinates, LockedArtifact> locked, Finding.Severity severity, List<Finding> findings) {
        String fix = "If the new use is intended, run `" + lockCommand() + "`, review the diff and commit the "
                + "lockfile; if not, find what introduced it (e.g. `mvn dependency:tree`) and undo it.";
        TreeSet<String> newModules = new TreeSet<>();
        for (Map.Entry<ArtifactCoordinates, List<UsedArtifact>> e : byCoordinates.entrySet()) {
            LockedArtifact entry = locked.get(e.getKey());
            if (entry == null) {
                continue; // NOT_IN_LOCKFILE already
            }
            // The same new use in several modules is one phrase naming them all.
            Map<List<String>, TreeSet<String>> unrecorded = new TreeMap<>(Comparator.comparing(Object::toString));
            for (UsedArtifact u : e.getValue()) {
                if (!u.module().isEmpty() && !lockfile.modules().contains(u.module())) {
                    newModules.add(u.module());
                }
                if (!recorded(u, entry)) {
                    TreeSet<String> modules = unrecorded.computeIfAbsent(List.of(LockfileFields.roleToken(u.role()),
                            u.scope(), u.plugin()), k -> new TreeSet<>());
                    if (!u.module().isEmpty()) {
                        modules.add(u.module());
                    }
                }
            }
            if (!unrecorded.isEmpty()) {
                List<String> uses = new ArrayList<>();
                unrecorded.forEach((use, modules) -> uses.add(describe(use.get(0), use.get(1), modules,
                        use.get(2).isEmpty() ? List.of() : List.of(use.get(2)))));
                String now = String.join("; ", uses);
                String was = describe(entry);
                findings.add(new Finding(Finding.Kind.USAGE_DIFFERS, severity, e.getKey(), null, was, now,
                        e.getKey() + " is used in a way the lockfile does not record: this build uses it as " + now
                                + "; the lockfile records it only as " + was + ".", fix));
            }
        }
        for (String module : newModules) {
            findings.add(new Finding(Finding.Kind.USAGE_DIFFERS, severity, null, null, "", module, "Module " + module
                    + " uses locked artifacts but is not in the lockfile (no 'module " + module + "' line): it was "
                    + "added after the lockfile was made.", fix));
        }
    }

    /** Whether the lockfile records this use of {@code entry}: each of its role, scope, module and plugin. */
    private boolean recorded(UsedArtifact u, LockedArtifact entry) {
        if (u.role() == ArtifactRole.RUNTIME && !entry.roles().contains(ArtifactRole.RUNTIME)) {
            // hermetic:lock records a run-time resolution only for what the build plan does not explain.
            return true;
        }
        return entry.roles().contains(u.role())
                && (u.scope().isEmpty() || entry.scopes().contains(u.scope()))
                && (u.module().isEmpty() || !lockfile.modules().contains(u.module())
                        || entry.modules().contains(u.module()))
                && (u.plugin().isEmpty() || entry.plugins().contains(u.plugin()));
    }

    /** What the lockfile records, e.g. {@code plugin-dependency of every module, pulled in by g:a}. */
    private String describe(LockedArtifact entry) {
        return describe(String.join(",", entry.roles().stream().map(LockfileFields::roleToken).toList()),
                String.join(",", entry.scopes()), entry.modules(), entry.plugins());
    }

    /** A use, e.g. {@code dependency in scope compile of modules g:a,g:b} or {@code ..., pulled in by g:p}. */
    private String describe(String roles, String scopes, Collection<String> modules, Collection<String> plugins) {
        StringBuilder s = new StringBuilder(roles);
        if (!scopes.isEmpty()) {
            s.append(" in scope ").append(scopes);
        }
        if (!modules.isEmpty()) {
            s.append(modules.size() > 1 && new TreeSet<>(modules).equals(lockfile.modules()) ? " of every module"
                    : (modules.size() == 1 ? " of module " : " of modules ") + String.join(",", modules));
        }
        if (!plugins.isEmpty()) {
            s.append(", pulled in by ").append(String.join(",", plugins));
        }
        return s.toString();
    }

    /**
     * Tells a version bump from a brand-new artifact. A module's parent is compared with the module's parent when
     * locked; a POM that only other POMs read (a parent or an imported BOM of another artifact) is no bump at all:
     * many versions of it live side by side, and a new one comes with the artifact that reads it.
     *
     * @param withFiles {@link #gav} of every artifact the build uses other than a POM
     */
    private String otherVersions(ArtifactCoordinates c, List<UsedArtifact> uses, Set<String> withFiles) {
        List<LockedArtifact> others = lockfile.artifacts().stream()
                .filter(o -> o.coordinates().groupId().equals(c.groupId())
                        && o.coordinates().artifactId().equals(c.artifactId())
                        && o.coordinates().extension().equals(c.extension())
                        && o.coordinates().classifier().equals(c.classifier()))
                .toList();
        Set<String> parentOf = new TreeSet<>();
        uses.stream().filter(u -> u.role() == ArtifactRole.PARENT).forEach(u -> parentOf.add(u.module()));
        if (!parentOf.isEmpty()) {
            String was = versions(others.stream().filter(o -> o.roles().contains(ArtifactRole.PARENT)
                    && o.modules().stream().anyMatch(parentOf::contains)));
            return was.isEmpty() ? "" : " (the lockfile has version " + was + " as the parent of "
                    + String.join(", ", parentOf) + ")";
        }
        String versions = versions(others.stream());
        if (versions.isEmpty()) {
            return "";
        }
        if (c.extension().equals("pom") && !withFiles.contains(gav(c))
                && uses.stream().allMatch(u -> u.role() == ArtifactRole.POM)) {
            return " (a POM that other artifacts' POMs inherit or import: the lockfile has versions " + versions
                    + " for the artifacts it holds; this one comes with an artifact new to this build)";
        }
        return " (the lockfile has version " + versions + ")";
    }

    /** The versions of {@code artifacts}, in the build tool's order, comma-separated. */
    private String versions(Stream<LockedArtifact> artifacts) {
        return String.join(", ", artifacts.map(a -> a.coordinates().version()).distinct().sorted(versionOrder)
                .toList());
    }

    private static String gav(ArtifactCoordinates c) {
        return c.groupId() + ":" + c.artifactId() + ":" + c.version();
    }

    private void compareEnvironment(BuildEnvironment expected, BuildEnvironment actual, List<Finding> findings) {
        Finding.Severity s = severity(environmentPolicy);
        if (s == null) {
            return;
        }
        String fix = environmentPolicy == Policy.FAIL
                ? "Build with the recorded environment (e.g. through ./mvnw and the recorded JDK), or if the change "
                        + "is intended, run `" + lockCommand() + "` and commit the lockfile."
                : "Build with the recorded environment, or if the change is intended, run `"
                        + lockCommand() + "`.";
        differs("Maven version", expected.mavenVersion(), actual.mavenVersion(), s, fix, findings);
        differs("Java version", expected.javaVersion(), actual.javaVersion(), s, fix, findings);
        differs("Java vendor", expected.javaVendor(), actual.javaVendor(), s, fix, findings);
        differs("Maven Wrapper distribution SHA-256", expected.wrapperDistributionSha256(),
                actual.wrapperDistributionSha256(), s, fix, findings);
    }

    private static void differs(String what, String expected, String actual, Finding.Severity s, String fix,
            List<Finding> findings) {
        String e = normalize(expected);
        String a = normalize(actual);
        if (!e.equals(a)) {
            findings.add(new Finding(Finding.Kind.ENVIRONMENT_DIFFERS, s, null, null, e, a, what
                    + " differs from the lockfile's: locked " + shown(e) + ", this build " + shown(a) + ".", fix));
        }
    }

    private static String normalize(String v) {
        return v == null ? "" : v.strip().replaceAll("\\s+", " ");
    }

    private static String shown(String v) {
        return v.isEmpty() ? "(none)" : v;
    }

    private boolean exclude(ArtifactCoordinates c, Map<String, SortedSet<ArtifactCoordinates>> excluded) {
        for (ArtifactPattern p : exclusions) {
            if (p.matches(c)) {
                excluded.get(p.toString()).add(c);
                return true;
            }
        }
        return false;
    }

    /** @return null for {@link Policy#IGNORE}: no finding at all */
    private static Finding.Severity severity(Policy p) {
        return switch (p) {
            case FAIL -> Finding.Severity.ERROR;
            case WARN -> Finding.Severity.WARNING;
            case IGNORE -> null;
        };
    }
}
