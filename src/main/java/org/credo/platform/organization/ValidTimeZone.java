package org.credo.platform.organization;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;

/** An IANA time zone id such as {@code Europe/Berlin}. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidTimeZone.Validator.class)
public @interface ValidTimeZone {

    String message() default "must be an IANA time zone such as Europe/Berlin or America/New_York";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Accepts the ids the JDK knows. */
    class Validator implements ConstraintValidator<ValidTimeZone, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null
                    || value.isBlank()
                    || ZoneId.getAvailableZoneIds().contains(value.trim());
        }
    }
}
