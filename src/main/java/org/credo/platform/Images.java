package org.credo.platform;

import java.util.Optional;
import java.util.UUID;

/** The platform facade for pictures: checks and stores an upload, or a picture Credo drew; finds one again. */
public interface Images {

    /**
     * Checks an uploaded picture (a PNG or an SVG without scripts, event handlers, external references, foreign
     * objects or a DOCTYPE, within {@link UploadLimit#IMAGE} and 4096 pixels a side) and stores it.
     *
     * @param field the form or API field the file came in, named in the error
     * @throws ProblemException 400 naming the field and what is wrong, or 413 when the file is too large
     */
    StoredImage upload(UUID organizationId, ImagePurpose purpose, String field, byte[] file);

    /** Stores an SVG that Credo drew itself (a generated badge design), with its PNG copy drawn by the caller. */
    StoredImage storeDrawn(UUID organizationId, ImagePurpose purpose, String svg, byte[] png);

    /** The picture with this id, in any organization (pictures are addressed by unguessable ids). */
    Optional<StoredImage> find(UUID id);
}
