/**
 * The build's cache key: one SHA-256 over named components (tracked sources, lockfile, Maven, JDK, Maven Wrapper,
 * {@code .mvn/} configuration, the command's properties and profiles), each with its own hash so that two keys can be
 * told apart. The encoding is in docs/cache-key.md. Knows nothing of Maven.
 */
package dev.hermetic.cachekey;
