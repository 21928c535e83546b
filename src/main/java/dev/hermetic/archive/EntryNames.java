package dev.hermetic.archive;

/** Entry names that would write outside the extraction directory, or mean different things on other systems. */
final class EntryNames {

    private EntryNames() {}

    /** Why the name is unsafe, or {@code null} when it is fine. */
    static String unsafeReason(String name) {
        if (name.isEmpty()) {
            return "the name is empty";
        }
        if (name.indexOf('\0') >= 0) {
            return "the name contains a NUL character";
        }
        if (name.indexOf('\\') >= 0) {
            return "the name contains a backslash, a path separator on Windows";
        }
        if (name.startsWith("/")) {
            return "the name is an absolute path";
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
            return "the name starts with a drive letter";
        }
        // A ".." segment: between slashes or at either end (no split: this runs for every entry of every archive).
        for (int i = name.indexOf(".."); i >= 0; i = name.indexOf("..", i + 1)) {
            if ((i == 0 || name.charAt(i - 1) == '/') && (i + 2 == name.length() || name.charAt(i + 2) == '/')) {
                return "a '..' segment would escape the extraction directory";
            }
        }
        return null;
    }
}
