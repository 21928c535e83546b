package dev.hermetic.cachekey;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The files git tracks, read from the repository's index file (formats 2, 3 and 4) without a git binary: the list
 * {@code git ls-files} prints. A split index is refused with the command that turns it off.
 */
final class GitIndex {

    /** One index entry: its path from the work tree's root, its git mode and its object id. */
    record Entry(String path, int mode, byte[] id) {
        static final int GITLINK = 0160000;
        static final int SPARSE_DIRECTORY = 0040000;

        /** The object id in hex; only submodules and sparse directories need it, so it is not made for every file. */
        String objectId() {
            return HexFormat.of().formatHex(id);
        }
    }

    /** A git work tree and where its index is. */
    record Checkout(Path workTree, Path index, int hashLength) {}

    private GitIndex() {}

    /** The git checkout {@code dir} lies in, if any: the nearest ancestor holding {@code .git}. */
    static Optional<Checkout> find(Path dir) throws CacheKeyException {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            Path dotGit = d.resolve(".git");
            try {
                if (Files.isDirectory(dotGit)) {
                    return Optional.of(new Checkout(d, dotGit.resolve("index"), hashLength(dotGit)));
                }
                if (Files.isRegularFile(dotGit)) {
                    // A linked work tree or submodule: ".git" is a file "gitdir: <path>".
                    String line = Files.readString(dotGit, StandardCharsets.UTF_8).strip();
                    if (!line.startsWith("gitdir:")) {
                        throw new CacheKeyException(dotGit + " is neither a git directory nor a 'gitdir:' file.");
                    }
                    Path gitDir = d.resolve(line.substring("gitdir:".length()).strip()).normalize();
                    Path common = gitDir;
                    Path commondir = gitDir.resolve("commondir");
                    if (Files.isRegularFile(commondir)) {
                        common = gitDir.resolve(Files.readString(commondir, StandardCharsets.UTF_8).strip()).normalize();
                    }
                    return Optional.of(new Checkout(d, gitDir.resolve("index"), hashLength(common)));
                }
            } catch (IOException e) {
                throw new CacheKeyException("Cannot read the git repository at " + dotGit + ": " + e, e);
            }
        }
        return Optional.empty();
    }

    /** 20 bytes (SHA-1), or 32 in a repository made with {@code git init --object-format=sha256}. */
    private static int hashLength(Path gitDir) throws IOException {
        Path config = gitDir.resolve("config");
        if (Files.isRegularFile(config)) {
            for (String line : Files.readAllLines(config, StandardCharsets.UTF_8)) {
                String l = line.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("\t", "");
                if (l.equals("objectformat=sha256")) {
                    return 32;
                }
            }
        }
        return 20;
    }

    /** Every entry of the checkout's index, once per path (merge stages folded), in the index's order. */
    static List<Entry> read(Checkout checkout) throws CacheKeyException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(checkout.index());
        } catch (NoSuchFileException e) {
            return List.of(); // a repository where nothing was ever added
        } catch (IOException e) {
            throw new CacheKeyException("Cannot read the git index " + checkout.index() + ": " + e, e);
        }
        try {
            return parse(bytes, checkout.hashLength());
        } catch (RuntimeException e) {
            throw new CacheKeyException("Cannot read the git index " + checkout.index() + " (" + e.getMessage()
                    + "). Run `git status` to have git rewrite it, then try again.", e);
        }
    }

    static List<Entry> parse(byte[] bytes, int hashLength) throws CacheKeyException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.getInt() != 0x44495243) { // "DIRC"
            throw new IllegalArgumentException("not an index file");
        }
        int version = in.getInt();
        if (version < 2 || version > 4) {
            throw new IllegalArgumentException("index format " + version + ", only 2 to 4 are known");
        }
        int count = in.getInt();
        List<Entry> entries = new ArrayList<>(count);
        byte[] previous = new byte[0];
        String last = null;
        for (int i = 0; i < count; i++) {
            int start = in.position();
            in.position(start + 24); // ctime, mtime, dev, ino
            int mode = in.getInt();
            in.position(in.position() + 12); // uid, gid, size
            byte[] id = new byte[hashLength];
            in.get(id);
            int flags = in.getShort() & 0xFFFF;
            if ((flags & 0x4000) != 0) {
                in.getShort(); // extended flags (skip-worktree, intent-to-add): the entry is listed all the same
            }
            byte[] path;
            if (version == 4) {
                int strip = varint(in);
                int end = indexOf(bytes, in.position());
                byte[] suffix = new byte[end - in.position()];
                in.get(suffix);
                in.get(); // NUL
                path = new byte[previous.length - strip + suffix.length];
                System.arraycopy(previous, 0, path, 0, previous.length - strip);
                System.arraycopy(suffix, 0, path, previous.length - strip, suffix.length);
            } else {
                int end = indexOf(bytes, in.position());
                path = new byte[end - in.position()];
                in.get(path);
                int length = in.position() - start;
                in.position(start + ((length + 8) & ~7)); // 1 to 8 NULs pad the entry to a multiple of 8
            }
            previous = path;
            String name = new String(path, StandardCharsets.UTF_8);
            if (!name.equals(last)) { // a conflicted path has one entry per stage, in a row
                entries.add(new Entry(name, mode, id));
                last = name;
            }
        }
        while (in.remaining() > hashLength) {
            byte[] signature = new byte[4];
            in.get(signature);
            int size = in.getInt();
            if (new String(signature, StandardCharsets.US_ASCII).equals("link")) {
                throw new CacheKeyException("The git index is split (core.splitIndex): its entries are partly in "
                        + "another file. Run `git update-index --no-split-index`, then try again.");
            }
            in.position(in.position() + size);
        }
        return entries;
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("an entry's path has no end");
    }

    /** git's offset varint (index format 4): each continuation adds one before shifting. */
    private static int varint(ByteBuffer in) {
        int c = in.get() & 0xFF;
        int value = c & 0x7F;
        while ((c & 0x80) != 0) {
            c = in.get() & 0xFF;
            value = ((value + 1) << 7) | (c & 0x7F);
        }
        return value;
    }
}
