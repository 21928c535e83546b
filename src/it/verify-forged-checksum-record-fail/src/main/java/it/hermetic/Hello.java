package it.hermetic;

/** Compiled only if maven-compiler-plugin runs: the tampered plugin must not. */
public class Hello {}
