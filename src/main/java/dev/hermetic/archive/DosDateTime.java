package dev.hermetic.archive;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The DOS date and time fields of a zip entry, computed in UTC. {@code ZipEntry.setTime} would convert
 * through the JVM's default time zone, so the stored fields would change with {@code TZ}; computing them
 * here from the epoch seconds makes them a function of the timestamp alone. DOS time has two-second
 * resolution: odd seconds are rounded down.
 */
record DosDateTime(int date, int time) {

    static DosDateTime ofEpochSeconds(long epochSeconds) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
        if (t.getYear() < 1980 || t.getYear() > 2107) {
            throw new IllegalArgumentException("zip entries cannot carry " + t + "Z: DOS time covers 1980 to 2107");
        }
        int date = (t.getYear() - 1980) << 9 | t.getMonthValue() << 5 | t.getDayOfMonth();
        int time = t.getHour() << 11 | t.getMinute() << 5 | t.getSecond() >> 1;
        return new DosDateTime(date, time);
    }
}
