package dev.hermetic.archive;

import java.util.List;
import java.util.Objects;

/**
 * What a normalization does. Immutable; build with {@link #defaults(long)} and the {@code with*} methods.
 *
 * @param epochSeconds the instant every entry gets, in seconds since 1970 (UTC)
 * @param compression how entries are compressed
 * @param manifestAttributesToRemove main-section manifest attributes that describe the build machine or time
 * @param maxCompressionRatio an entry whose uncompressed size exceeds its compressed size times this is refused
 */
public record NormalizationOptions(
        long epochSeconds,
        CompressionMode compression,
        List<String> manifestAttributesToRemove,
        long maxCompressionRatio) {

    /** Attributes removed by default: each one names the machine, user, JDK or clock of a build. */
    public static final List<String> DEFAULT_MANIFEST_ATTRIBUTES_TO_REMOVE = List.of(
            "Built-By", "Build-Jdk", "Build-Jdk-Spec", "Build-Time", "Build-Date", "Build-Timestamp",
            "Bnd-LastModified", "Built-Host", "Built-OS", "Build-Host", "Build-OS", "Created-By",
            "Originally-Created-By", "Tool");

    /** Default for {@link #maxCompressionRatio}: far above what real jars reach, far below zip bombs. */
    public static final long DEFAULT_MAX_COMPRESSION_RATIO = 1000;

    public NormalizationOptions {
        manifestAttributesToRemove = List.copyOf(manifestAttributesToRemove);
    }

    public static NormalizationOptions defaults(long epochSeconds) {
        return new NormalizationOptions(epochSeconds, CompressionMode.PORTABLE,
                DEFAULT_MANIFEST_ATTRIBUTES_TO_REMOVE, DEFAULT_MAX_COMPRESSION_RATIO);
    }

    public NormalizationOptions withCompression(CompressionMode mode) {
        return new NormalizationOptions(epochSeconds, mode, manifestAttributesToRemove, maxCompressionRatio);
    }

    public NormalizationOptions withManifestAttributesToRemove(List<String> attributes) {
        return new NormalizationOptions(epochSeconds, compression, attributes, maxCompressionRatio);
    }

    // Written out: generated ones bootstrap through invokedynamic, far slower on a cold JVM (bench/records); Maven
    // compares these options in every module. NormalizationOptionsTest fails if a component is left out.
    @Override
    public boolean equals(Object o) {
        return o instanceof NormalizationOptions n && epochSeconds == n.epochSeconds && compression == n.compression
                && manifestAttributesToRemove.equals(n.manifestAttributesToRemove)
                && maxCompressionRatio == n.maxCompressionRatio;
    }

    @Override
    public int hashCode() {
        return ((Long.hashCode(epochSeconds) * 31 + Objects.hashCode(compression)) * 31 + manifestAttributesToRemove.hashCode())
                * 31 + Long.hashCode(maxCompressionRatio);
    }
}
