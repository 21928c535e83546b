/**
 * A vendored repository: the locked artifacts of a build copied, each checked against the lockfile, into a directory
 * in Maven repository layout ({@link dev.hermetic.vendor.VendoredRepository}), the {@code settings.xml} that makes it
 * a build's only repository ({@link dev.hermetic.vendor.MirrorSettings}). Described in {@code docs/vendor.md}. Knows
 * nothing of Maven.
 */
package dev.hermetic.vendor;
