package dev.hermetic.compare;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32;

/**
 * What a class file declares, read with a small parser of the class-file format (JVMS chapter 4): its version,
 * access flags, constant-pool strings, and its fields and methods with a checksum of each member's attributes
 * (its code, for a method). Enough to say what changed without a decompiler.
 *
 * @param fields "name descriptor" to a checksum of access flags and attributes, in declaration order
 * @param methods the same for methods
 */
record ClassFileSummary(int major, int minor, int access, Set<String> strings, Map<String, Long> fields,
        Map<String, Long> methods) {

    /** Thrown for anything that is not a well-formed class file. */
    static final class MalformedClassException extends Exception {
        MalformedClassException(String message) {
            super(message);
        }
    }

    /** "Java 17 (61.0)". */
    String version() {
        return (major >= 45 ? "Java " + (major >= 49 ? String.valueOf(major - 44) : "1." + (major - 44)) + " " : "")
                + "(" + major + "." + minor + ")";
    }

    static ClassFileSummary parse(byte[] bytes) throws MalformedClassException {
        try {
            return new Parser(bytes).parse();
        } catch (MalformedClassException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Truncation, an index out of range, bad modified UTF-8: all mean the same to a reader.
            throw new MalformedClassException(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static final class Parser {
        private final byte[] b;
        private int p;
        private String[] utf8;

        Parser(byte[] bytes) {
            this.b = bytes;
        }

        ClassFileSummary parse() throws IOException, MalformedClassException {
            if (u4() != 0xCAFEBABEL) {
                throw new MalformedClassException("not a class file (no CAFEBABE magic)");
            }
            int minor = u2();
            int major = u2();
            int count = u2();
            utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = u1();
                switch (tag) {
                    case 1 -> {
                        int length = u2();
                        need(length);
                        byte[] withLength = new byte[length + 2];
                        System.arraycopy(b, p - 2, withLength, 0, length + 2);
                        utf8[i] = new DataInputStream(new ByteArrayInputStream(withLength)).readUTF();
                        p += length;
                    }
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> skip(4);
                    case 5, 6 -> {
                        skip(8);
                        i++; // eight-byte constants take two slots
                    }
                    case 7, 8, 16, 19, 20 -> skip(2);
                    case 15 -> skip(3);
                    default -> throw new MalformedClassException("unknown constant-pool tag " + tag + " at entry " + i);
                }
            }
            int access = u2();
            skip(4); // this_class, super_class: their names are among the strings
            skip(2 * u2()); // interfaces
            Map<String, Long> fields = members();
            Map<String, Long> methods = members();
            int attributes = u2();
            for (int i = 0; i < attributes; i++) {
                skip(2);
                skip(u4());
            }
            if (p != b.length) {
                throw new MalformedClassException((b.length - p) + " bytes after the class file's end");
            }
            Set<String> strings = new TreeSet<>();
            for (String s : utf8) {
                if (s != null) {
                    strings.add(s);
                }
            }
            return new ClassFileSummary(major, minor, access, strings, fields, methods);
        }

        private Map<String, Long> members() throws IOException, MalformedClassException {
            int count = u2();
            Map<String, Long> members = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                int start = p;
                skip(2);
                String name = string(u2());
                String descriptor = string(u2());
                int attributes = u2();
                for (int a = 0; a < attributes; a++) {
                    skip(2);
                    skip(u4());
                }
                CRC32 crc = new CRC32();
                crc.update(b, start, p - start);
                members.put(name + " " + descriptor, crc.getValue());
            }
            return members;
        }

        private String string(int index) throws MalformedClassException {
            if (index <= 0 || index >= utf8.length || utf8[index] == null) {
                throw new MalformedClassException("constant-pool index " + index + " is not a string");
            }
            return utf8[index];
        }

        private void need(long n) throws MalformedClassException {
            if (n < 0 || p + n > b.length) {
                throw new MalformedClassException("truncated at byte " + p);
            }
        }

        private void skip(long n) throws MalformedClassException {
            need(n);
            p += (int) n;
        }

        private int u1() throws MalformedClassException {
            need(1);
            return b[p++] & 0xff;
        }

        private int u2() throws MalformedClassException {
            return u1() << 8 | u1();
        }

        private long u4() throws MalformedClassException {
            return (long) u2() << 16 | u2();
        }
    }
}
