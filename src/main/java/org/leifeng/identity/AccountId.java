package org.leifeng.identity;

/**
 * An account's id where other modules ask about the person behind an account. A volunteer's id is a number too and
 * the two sit side by side in those modules; typed, one cannot be passed for the other.
 */
public record AccountId(long value) {
}
