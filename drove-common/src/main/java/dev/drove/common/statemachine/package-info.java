/**
 * Pieces every state machine shares. A machine's legal moves are a {@link dev.drove.common.statemachine.TransitionTable}
 * copied from the docs' diagram; the steps that act in each state live with the feature that owns the machine.
 */
package dev.drove.common.statemachine;
