/** A thin command-line entry point that proves the core runs without Maven. */
package dev.hermetic.cli;
