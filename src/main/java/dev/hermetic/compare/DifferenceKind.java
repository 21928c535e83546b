package dev.hermetic.compare;

import java.util.Locale;

/** What differs between a reference entry and the actual one. Its {@link #id()} is what the cause table names. */
public enum DifferenceKind {
    /** The entry exists only in the reference. */
    ONLY_IN_REFERENCE,
    /** The entry exists only in the actual build. */
    ONLY_IN_ACTUAL,
    /** The same entries, in another order. */
    ORDER,
    /** A time field: DOS time, extended timestamp, tar mtime, gzip header time. */
    TIMESTAMP,
    /** Permissions: zip external attributes and "made by", tar mode. */
    PERMISSIONS,
    /** Tar owner: uid, gid, user or group name. */
    OWNER,
    /** Zip extra fields other than time fields. */
    EXTRA_FIELDS,
    /** Other header fields: flags, entry type, link target, bytes outside the entries. */
    HEADER,
    /** The same content, compressed differently (method or bytes). */
    COMPRESSION,
    /** The two files are not the same kind of archive. */
    FORMAT,
    /** A manifest attribute. */
    MANIFEST,
    /** A {@code .properties} key. */
    PROPERTIES,
    /** Lines of a text file. */
    TEXT,
    /** A class file: version, members, constant-pool strings, code. */
    CLASS_FILE,
    /** Other content: sizes and first differing byte. */
    BINARY;

    /** Lower case with dashes, as written in the cause table and the reports ("only-in-reference"). */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static DifferenceKind parse(String id) {
        for (DifferenceKind kind : values()) {
            if (kind.id().equals(id.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("'" + id.trim() + "' is not a difference kind");
    }
}
