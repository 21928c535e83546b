package dev.hermetic.compare;

/**
 * Why a difference happens and the one thing to change, from the {@link CauseTable}.
 *
 * @param id the rule's name in the table
 * @param explanation the cause, with the evidence's values filled in
 * @param fix one suggested fix
 */
public record Cause(String id, String explanation, String fix) {}
