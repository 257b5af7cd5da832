package org.credo.platform;

/** What a stored picture is for; only achievement images and logos are served to anyone who asks. */
public enum ImagePurpose {
    ACHIEVEMENT,
    LOGO,
    SIGNATURE;

    /** Whether the picture may be fetched without signing in. */
    public boolean isPublic() {
        return this != SIGNATURE;
    }
}
