/** Writing files into place atomically. Knows nothing of Maven; every package that writes a file uses it. */
package dev.hermetic.io;
