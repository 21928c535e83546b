package org.example.web;

import org.apache.commons.lang3.StringUtils;

/** The banner the web app shows. */
public final class Banner {
    public static String of(String title) {
        return StringUtils.center(title, 40, '*');
    }
}
