package org.credo.credentials.badges;

/**
 * What a public page tells link previews (Open Graph and Twitter cards): only facts that the page may show to anyone.
 * The layout writes it into the page's head when a page puts one in its model as {@code openGraph}.
 */
public record OpenGraph(String title, String description, String url, String image, String imageAlt, boolean noIndex) {

    /** The model attribute the layout reads. */
    public static final String MODEL = "openGraph";
}
