package it.hermetic;

public class Hello {
}
