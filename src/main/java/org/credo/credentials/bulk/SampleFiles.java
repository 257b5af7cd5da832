package org.credo.credentials.bulk;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Sample CSV files with every column the importers accept, to download from the upload pages. */
final class SampleFiles {

    private SampleFiles() {}

    /** Bulk issuance: every column, two rows, for the achievement named (or a placeholder). */
    static String issuance(String achievementName) {
        var name = '"' + achievementName.replace("\"", "\"\"") + '"';
        return String.join(",", BulkFile.REQUIRED) + "," + String.join(",", BulkFile.OPTIONAL) + "\r\n"
                + name + ",Ada Lovelace,ada@example.org,S-1001,,2026-06-30,2031-06-30,"
                + "https://example.org/portfolio/ada,Capstone project,,\r\n"
                + name + ",Alan Turing,alan@example.org,S-1002,,,,,,,\r\n";
    }

    /** Bulk actions: credential ids, with an action and a reason per row (both may come from the form). */
    static String actions() {
        return "credential_id,action,reason\r\n"
                + "00000000-0000-0000-0000-000000000001,revoke,Issued in error\r\n"
                + "00000000-0000-0000-0000-000000000002,suspend,Under review\r\n"
                + "00000000-0000-0000-0000-000000000003,resend,\r\n";
    }

    static ResponseEntity<byte[]> download(String fileName, String csv) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }
}
