package org.credo.learners.web;

import org.jspecify.annotations.Nullable;

/** The parts of their record a learner may change themselves, as typed on their record page. */
public class OwnDetailsForm {

    static final java.util.List<String> FIELDS = java.util.List.of("preferredName", "pronouns");

    private @Nullable String preferredName;

    private @Nullable String pronouns;

    public @Nullable String getPreferredName() {
        return preferredName;
    }

    public void setPreferredName(@Nullable String preferredName) {
        this.preferredName = preferredName;
    }

    public @Nullable String getPronouns() {
        return pronouns;
    }

    public void setPronouns(@Nullable String pronouns) {
        this.pronouns = pronouns;
    }
}
