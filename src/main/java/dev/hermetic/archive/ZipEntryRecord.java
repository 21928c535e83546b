package dev.hermetic.archive;

/**
 * One entry as the central directory describes it. Sizes and CRC come from the central directory (local
 * headers may defer them to data descriptors); they are checked against the data while it is read.
 *
 * @param nameBytes the name exactly as stored
 * @param name the name decoded as UTF-8
 * @param versionMadeBy the "version made by" field (high byte: host system, 3 = unix)
 * @param flags general purpose bit flags
 * @param method compression method (0 stored, 8 deflated)
 * @param crc CRC-32 of the uncompressed data
 * @param compressedSize compressed size in bytes
 * @param size uncompressed size in bytes
 * @param localHeaderPosition absolute position of the local header in the input (preamble shift applied)
 * @param externalAttributes external file attributes (unix mode in the high 16 bits when made on unix)
 * @param dosTime the central directory's DOS time field
 * @param dosDate the central directory's DOS date field
 * @param centralExtra the central directory's extra fields, as stored
 */
record ZipEntryRecord(
        byte[] nameBytes,
        String name,
        int versionMadeBy,
        int flags,
        int method,
        long crc,
        long compressedSize,
        long size,
        long localHeaderPosition,
        long externalAttributes,
        int dosTime,
        int dosDate,
        byte[] centralExtra) {

    static final int STORED = 0;
    static final int DEFLATED = 8;

    boolean isDirectory() {
        return name.endsWith("/");
    }

    /** Unix mode bits when the entry was made on unix, else 0. */
    int unixMode() {
        return (versionMadeBy >> 8) == 3 ? (int) ((externalAttributes >>> 16) & 0xFFFF) : 0;
    }
}
