package dev.hermetic.maven;

import java.util.Locale;
import java.util.TimeZone;

/**
 * The JVM-wide defaults that leak into build outputs (Locale, with its display and format categories, and TimeZone),
 * as they were before extension mode pinned them: a long-lived JVM (the Maven Daemon, an IDE) runs the next build, or
 * other code, with the user's defaults again once {@link #restore()} ran.
 */
record JvmDefaults(Locale locale, Locale displayLocale, Locale formatLocale, TimeZone timeZone) {

    /** The defaults now in effect. */
    static JvmDefaults current() {
        return new JvmDefaults(Locale.getDefault(), Locale.getDefault(Locale.Category.DISPLAY),
                Locale.getDefault(Locale.Category.FORMAT), TimeZone.getDefault());
    }

    /** Sets {@code Locale.ROOT} and UTC for the whole JVM; returns the defaults they replaced. */
    static JvmDefaults pin() {
        JvmDefaults before = current();
        Locale.setDefault(Locale.ROOT);
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        return before;
    }

    /** Puts these defaults back. */
    void restore() {
        // Locale.setDefault(Locale) also sets both categories: the categories go last.
        Locale.setDefault(locale);
        Locale.setDefault(Locale.Category.DISPLAY, displayLocale);
        Locale.setDefault(Locale.Category.FORMAT, formatLocale);
        TimeZone.setDefault(timeZone);
    }
}
