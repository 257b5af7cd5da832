package org.credo.documents;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A document was stored: its name, sniffed type, size and SHA-256. */
public record DocumentStored(
        ChangeStamp stamp,
        UUID documentId,
        String purpose,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256)
        implements Audited {

    @Override
    public String action() {
        return "document.stored";
    }

    @Override
    public String subjectType() {
        return "Document";
    }

    @Override
    public String subjectId() {
        return documentId.toString();
    }

    @Override
    public String subjectName() {
        return fileName;
    }

    @Override
    public String summary() {
        return "Stored " + fileName + " (" + contentType + ", " + sizeBytes + " bytes, SHA-256 " + sha256 + ") for "
                + purpose;
    }
}
