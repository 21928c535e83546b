package dev.hermetic.archive;

/** Entry names that would write outside the extraction directory, or mean different things on other systems. */
final class EntryNames {

    private EntryNames() {}

    /** Why the name is unsafe, or {@code null} when it is fine. */
    static String unsafeReason(String name) {
        if (isPlain(name)) {
            return null;
        }
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

    /**
     * One pass that clears almost every name (this runs for every entry of every archive): not empty, not
     * absolute, and free of NUL, backslash, colon and "..". Anything else gets the full checks above.
     */
    private static boolean isPlain(String name) {
        int n = name.length();
        if (n == 0 || name.charAt(0) == '/') {
            return false;
        }
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c == 0 || c == '\\' || c == ':' || (c == '.' && previous == '.')) {
                return false;
            }
            previous = c;
        }
        return true;
    }
}
