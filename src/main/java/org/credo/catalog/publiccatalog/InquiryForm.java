package org.credo.catalog.publiccatalog;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * "Apply" or "Request information" as typed on a program page. {@code website} is a honeypot: hidden
 * from people, filled in by form-filling robots.
 */
public class InquiryForm {

    @Pattern(regexp = "APPLY|INFORMATION", message = "choose to apply or to ask for information")
    private String kind = "INFORMATION";

    @NotBlank(message = "tell us your name")
    @Size(max = 200, message = "keep your name under 200 characters")
    private String name = "";

    @NotBlank(message = "give an email address we can answer to")
    @Email(message = "this does not look like an email address")
    @Size(max = 320, message = "keep the email address under 320 characters")
    private String email = "";

    @Pattern(regexp = "^$|^[0-9+()./ -]{5,40}$", message = "use digits, spaces and + ( ) - only")
    private String phone = "";

    @Size(max = 4000, message = "keep the message under 4,000 characters")
    private String message = "";

    private String website = "";

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }
}
