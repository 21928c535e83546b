/**
 * Writing files into place atomically, and canonical JSON. Knows nothing of Maven; every package that writes a file
 * uses it.
 */
package dev.hermetic.io;
