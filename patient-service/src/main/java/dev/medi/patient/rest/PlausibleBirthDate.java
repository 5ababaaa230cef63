package dev.medi.patient.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;

/**
 * A birth date a living patient can have: today or earlier (with {@code @PastOrPresent}) and not more than
 * {@value #MAX_AGE_YEARS} years ago — the oldest documented human lived 122 years; anything older is a
 * typing error (a wrong century), not a patient. {@code null} is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = PlausibleBirthDate.Validator.class)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.ANNOTATION_TYPE, ElementType.CONSTRUCTOR, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleBirthDate {

    int MAX_AGE_YEARS = 150;

    String message() default "must be within the last " + MAX_AGE_YEARS + " years";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlausibleBirthDate, LocalDate> {
        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || !value.isBefore(LocalDate.now(Clock.systemUTC()).minusYears(MAX_AGE_YEARS));
        }
    }
}
