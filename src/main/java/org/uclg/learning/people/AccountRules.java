package org.uclg.learning.people;

/**
 * The limits of an account's fields, one source for every way an account comes to be
 * (registration, roster import): both carry the same bean-validation constraints with these values.
 */
final class AccountRules {
    static final int EMAIL_MAX = 320;
    static final int NAME_MAX = 300;
    static final int ORGANIZATION_MAX = 300;
    static final String NO_CONTROL = "^[^\\x00-\\x1F\\x7F]*$";
    static final String NO_CONTROL_MESSAGE = "must not contain control characters";

    private AccountRules() {
    }
}
