package org.credo.platform;

/**
 * An event that records a change worth an audit trail entry. Every module's state-changing events
 * implement it; the audit trail listens to all of them through the event publication registry.
 */
public interface Audited {

    /** Who changed what where, and when. */
    ChangeStamp stamp();

    /** A dotted, past-tense action name such as {@code user.invited}. */
    String action();

    /** The kind of thing that changed, such as {@code Organization} or {@code Credential}. */
    String subjectType();

    /** The identifier of the thing that changed. */
    String subjectId();

    /**
     * What people call the subject (a person's name, "Ada Lovelace · Data Analytics Certificate"), shown instead of
     * its identifier; {@code null} when the event does not know it, and the audit trail then keeps the last name it
     * recorded for the same subject.
     */
    default @org.jspecify.annotations.Nullable String subjectName() {
        return null;
    }

    /** A short, human summary of what changed, free of secrets. */
    String summary();
}
