/** The Maven adapter: mojos, the collectors of what a build uses and makes, and core errors as Maven failures. */
package dev.hermetic.maven;
