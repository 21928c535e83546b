/** The Maven adapter: mojos read parameters, call the core, translate its exceptions and log. */
package dev.hermetic.maven;
