package org.credo.platform;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.credo.CredoTest;
import org.credo.WebSessions;
import org.credo.platform.demo.DemoData;
import org.credo.platform.people.Accounts;
import org.credo.platform.tokens.ApiTokenRequest;
import org.credo.platform.tokens.ApiTokenService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Every upload is refused past its kind's limit before it is read: 413 on the API, a message on the page. */
@CredoTest
class UploadLimitsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokenService tokens;

    static MockMultipartFile bytes(String name, long size) {
        return new MockMultipartFile("file", name, "application/octet-stream", new byte[(int) size]);
    }

    String token(Role role) {
        return "Bearer "
                + tokens.create(
                                accounts.loadUserByUsername(DemoData.email(role)),
                                new ApiTokenRequest("upload", null, 1))
                        .token();
    }

    @Test
    void aCsvOverTheLimitIsRefusedWith413OnBothCsvApis() throws Exception {
        var csv = bytes("big.csv", UploadLimit.CSV.bytes() + 1);
        for (var path : new String[] {"/api/v1/catalog/imports", "/api/v1/bulk-issuance"}) {
            mvc.perform(multipart(path).file(csv).header("Authorization", token(Role.REGISTRAR)))
                    .andExpect(status().isPayloadTooLarge())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail")
                            .value("The file is too large: 20971521 bytes > 20971520, the most Credo takes; split"
                                    + " the rows into several files."))
                    .andExpect(jsonPath("$.limit").value("bytes"));
        }
    }

    @Test
    void aCsvOverTheLimitIsAMessageOnTheUploadPages() throws Exception {
        var csv = bytes("big.csv", UploadLimit.CSV.bytes() + 1);
        mvc.perform(multipart("/manage/catalog/import")
                        .file(csv)
                        .cookie(WebSessions.signIn(mvc, Role.REGISTRAR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The file is too large: 20971521 bytes &gt; 20971520")));
        mvc.perform(multipart("/manage/bulk")
                        .file(csv)
                        .cookie(WebSessions.signIn(mvc, Role.REGISTRAR))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The file is too large: 20971521 bytes &gt; 20971520")));
    }

    @Test
    void aFileOverOneMegabyteIsAMessageOnTheVerificationPage() throws Exception {
        mvc.perform(multipart("/verify")
                        .file(bytes("credential.json", UploadLimit.CREDENTIAL.bytes() + 1))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The file is too large: 1048577 bytes &gt; 1048576")));
    }
}
