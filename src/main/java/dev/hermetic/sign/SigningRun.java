package dev.hermetic.sign;

import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.digest.DigestManifest;
import dev.hermetic.digest.FileStamp;
import dev.hermetic.digest.MultiDigest;
import dev.hermetic.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One signing of a set of files, the same for the Maven goal and the command line: each file's {@code .asc} and
 * digest side files, and a digest manifest of them all, signed and digested like the files. All or nothing: every
 * output is staged in a temporary file beside its target and moved into place only once everything is signed, so a
 * failure leaves no output of this run behind and the outputs of an earlier run as they were (should a rename itself
 * fail part way, the outputs already moved are deleted).
 *
 * <p>{@link #start} begins reading the files (reading needs no key); the caller prepares the key meanwhile and hands
 * it to {@link #signAndWrite}. Use it in try-with-resources: {@link #close()} stops the reading threads.
 */
public final class SigningRun implements AutoCloseable {

    /**
     * One file to sign and where its outputs go: {@code directory/name.asc}, {@code directory/name.sha256}, ...
     *
     * @param name the file's name in the manifest and in its outputs' names (a repository file name in Maven)
     */
    public record FileToSign(Path file, Path directory, String name) {
        public FileToSign {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(name, "name");
        }

        /** A file whose outputs go next to it, under its own name. */
        public static FileToSign inPlace(Path file) {
            Path absolute = file.toAbsolutePath();
            return new FileToSign(file, absolute.getParent(), absolute.getFileName().toString());
        }

        /** The path the outputs' names extend: {@code directory/name}. */
        private Path outputBase() {
            return directory.resolve(name);
        }
    }

    /**
     * What was written for one signed file (or the manifest).
     *
     * @param sideFiles the side file of each digest asked for, in {@link DigestAlgorithm} order
     * @param digests lowercase hex SHA-256 and SHA-512 of the bytes signed
     * @param stamp the file's size and modified time before it was read (a made file: once written), so the digests
     *     can be trusted later for as long as the file keeps them ({@link dev.hermetic.digest.RecordedDigests});
     *     empty when the file could not be stamped
     */
    public record Signed(FileToSign source, Path signature, Map<DigestAlgorithm, Path> sideFiles,
            Map<DigestAlgorithm, String> digests, Optional<FileStamp> stamp) {}

    /**
     * @param files one per file to sign, in the order given
     * @param made one per {@link FileMaker}, in the order given
     * @param manifest the manifest and its signature, when one was asked for
     */
    public record Result(List<Signed> files, List<Signed> made, Optional<Signed> manifest) {}

    /**
     * A file made during the run, from the digests of the files just signed (an SBOM with the module's own hashes, a
     * provenance whose subjects they are):
     * written to {@code target.file()}, signed and digested from {@code content}, and listed in the manifest.
     */
    public record MadeFile(FileToSign target, byte[] content) {
        public MadeFile {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(content, "content");
        }
    }

    /** Makes a file from the run's results: no file is read again for it. */
    @FunctionalInterface
    public interface FileMaker {
        /**
         * @param signed the files of the run, signed, with the digests of the very bytes signed, in order; then the
         *     files the makers before this one made, in order
         */
        MadeFile make(List<Signed> signed) throws SigningException;
    }

    private final List<FileToSign> files;
    private final List<Path> paths;
    private final Optional<Path> manifest;
    private final Set<DigestAlgorithm> sideFileDigests;
    private List<Optional<FileStamp>> stamps;
    private BatchSigner batch;

    private SigningRun(List<FileToSign> files, Optional<Path> manifest, Set<DigestAlgorithm> sideFileDigests) {
        this.files = List.copyOf(files);
        this.paths = this.files.stream().map(FileToSign::file).toList();
        this.manifest = manifest;
        this.sideFileDigests = sideFileDigests.isEmpty()
                ? EnumSet.noneOf(DigestAlgorithm.class) : EnumSet.copyOf(sideFileDigests);
        startReading();
    }

    /** Stamps the files, then starts reading them: a write after the stamp changes it. */
    private void startReading() {
        stamps = paths.stream().map(FileStamp::find).toList();
        batch = BatchSigner.start(paths);
    }

    /**
     * Checks the names and starts reading {@code files}; writes nothing.
     *
     * @param manifest where to write the SHA-256 manifest of the files, or empty for none
     * @param sideFileDigests the digests written as side files of each file and of the manifest
     * @throws SigningException when two files of one manifest share a name
     */
    public static SigningRun start(List<FileToSign> files, Optional<Path> manifest,
            Set<DigestAlgorithm> sideFileDigests) throws SigningException {
        if (manifest.isPresent()) {
            Map<String, FileToSign> byName = new HashMap<>();
            for (FileToSign file : files) {
                if (byName.put(file.name(), file) != null) {
                    throw new SigningException("two files are named '" + file.name() + "'; a manifest lists"
                            + " file names, so write one manifest per directory");
                }
            }
        }
        return new SigningRun(files, manifest, sideFileDigests);
    }

    /**
     * The SHA-256 of each file as read for signing (waits for the reads), so that a caller deciding from the
     * content whether a file needs rewriting before it is signed needs no read of its own.
     */
    public Map<Path, String> sha256ByFile() throws IOException {
        List<String> sha256 = batch.digests(DigestAlgorithm.SHA_256);
        Map<Path, String> result = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            result.put(paths.get(i), sha256.get(i));
        }
        return result;
    }

    /** Reads the files again: the caller has rewritten some since {@link #start}, and what is signed must be new. */
    public void readAgain() {
        batch.close();
        startReading();
    }

    /**
     * Signs every file and the manifest with {@code key}, then moves every output into place.
     *
     * @throws SigningException when a signature cannot be made; nothing of this run is left
     * @throws IOException when a file cannot be read or an output cannot be written; nothing of this run is left
     */
    public Result signAndWrite(SigningKey key) throws SigningException, IOException {
        return signAndWrite(key, List.of());
    }

    /**
     * Signs every file, then makes each of {@code makers}' files from the results and signs it too, then the
     * manifest of them all, then moves every output into place (the made files included): all or nothing.
     *
     * @throws SigningException when a signature or a made file cannot be made; nothing of this run is left
     * @throws IOException when a file cannot be read or an output cannot be written; nothing of this run is left
     */
    public Result signAndWrite(SigningKey key, List<FileMaker> makers) throws SigningException, IOException {
        OpenPgpSigner signer = new OpenPgpSigner(key);
        try (StagedFiles staged = new StagedFiles()) {
            List<Signed> signed = new ArrayList<>();
            batch.signAll(signer, result -> signed.add(stage(staged, files.get(signed.size()),
                    result.armoredSignature(), result.digests(), stamps.get(signed.size()))));
            List<Signed> made = new ArrayList<>();
            for (FileMaker maker : makers) {
                List<Signed> before = new ArrayList<>(signed);
                before.addAll(made);
                MadeFile file = maker.make(List.copyOf(before));
                made.add(stageInMemory(staged, signer, file.target(), file.content()));
            }
            Optional<Signed> signedManifest = Optional.empty();
            if (manifest.isPresent()) {
                List<Signed> listed = new ArrayList<>(signed);
                listed.addAll(made);
                signedManifest = Optional.of(stageManifest(staged, signer, manifest.get(), listed));
            }
            staged.moveIntoPlace();
            return new Result(List.copyOf(signed), List.copyOf(made), signedManifest);
        }
    }

    private Signed stageManifest(StagedFiles staged, OpenPgpSigner signer, Path manifestFile, List<Signed> signed)
            throws SigningException, IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        signed.forEach(s -> entries.put(s.source().name(), s.digests().get(DigestAlgorithm.SHA_256)));
        byte[] text = DigestManifest.of(DigestAlgorithm.SHA_256, entries).format().getBytes(StandardCharsets.UTF_8);
        return stageInMemory(staged, signer, FileToSign.inPlace(manifestFile), text);
    }

    /** A file made in memory: written, signed and digested from its bytes, which are never read back. */
    private Signed stageInMemory(StagedFiles staged, OpenPgpSigner signer, FileToSign file, byte[] content)
            throws SigningException, IOException {
        FileStamp stamp = staged.stage(file.file(), content);
        byte[] signature = signer.armoredSignature(content, file.name());
        return stage(staged, file, signature, MultiDigest.of(content, EnumSet.allOf(DigestAlgorithm.class)).hex(),
                Optional.of(stamp));
    }

    private Signed stage(StagedFiles staged, FileToSign file, byte[] armoredSignature,
            Map<DigestAlgorithm, String> digests, Optional<FileStamp> stamp) throws IOException {
        Path signature = file.directory().resolve(file.name() + ".asc");
        staged.stage(signature, armoredSignature);
        Map<DigestAlgorithm, Path> sideFiles = new EnumMap<>(DigestAlgorithm.class);
        for (DigestAlgorithm algorithm : sideFileDigests) {
            Path sideFile = DigestManifest.sideFile(file.outputBase(), algorithm);
            staged.stage(sideFile, DigestManifest.sideFileContent(file.name(), algorithm, digests.get(algorithm)));
            sideFiles.put(algorithm, sideFile);
        }
        return new Signed(file, signature, sideFiles, digests, stamp);
    }

    /** Stops reading; reads and signatures still running are abandoned. */
    @Override
    public void close() {
        batch.close();
    }

    /**
     * Outputs written to temporary files beside their targets, moved into place together. Closing before
     * {@link #moveIntoPlace} deletes them; a move that fails part way deletes the outputs already moved.
     */
    private static final class StagedFiles implements AutoCloseable {
        private record Staged(Path temporary, Path target) {}

        private final List<Staged> staged = new ArrayList<>();
        private final List<Path> moved = new ArrayList<>();
        private boolean done;

        /** @return the staged file's stamp, which the move into place keeps */
        FileStamp stage(Path target, byte[] content) throws IOException {
            Path absolute = target.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path temporary = AtomicFile.temporaryBeside(absolute);
            staged.add(new Staged(temporary, absolute));
            Files.write(temporary, content);
            return FileStamp.of(temporary);
        }

        void moveIntoPlace() throws IOException {
            for (Staged file : staged) {
                AtomicFile.moveOver(file.temporary(), file.target());
                moved.add(file.target());
            }
            done = true;
        }

        @Override
        public void close() throws IOException {
            if (done) {
                return;
            }
            IOException failure = null;
            for (Path path : moved) {
                failure = delete(path, failure);
            }
            for (Staged file : staged) {
                failure = delete(file.temporary(), failure);
            }
            if (failure != null) {
                throw failure;
            }
        }

        private static IOException delete(Path path, IOException failure) {
            try {
                Files.deleteIfExists(path);
                return failure;
            } catch (IOException e) {
                if (failure == null) {
                    return e;
                }
                failure.addSuppressed(e);
                return failure;
            }
        }
    }
}
