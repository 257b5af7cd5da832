package org.credo.catalog;

import java.util.UUID;
import org.credo.platform.Audited;
import org.credo.platform.ChangeStamp;

/** A CSV import loaded courses and programs into the catalog as published versions. */
public record CatalogImported(ChangeStamp stamp, UUID importId, String fileName, int courses, int programs)
        implements Audited {

    @Override
    public String action() {
        return "catalog.imported";
    }

    @Override
    public String subjectType() {
        return "CatalogImport";
    }

    @Override
    public String subjectId() {
        return importId.toString();
    }

    @Override
    public String summary() {
        return "Imported " + courses + " courses and " + programs + " programs from " + fileName;
    }

    @Override
    public String subjectName() {
        return fileName;
    }
}
