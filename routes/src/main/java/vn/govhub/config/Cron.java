package vn.govhub.config;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.quartz.CronExpression;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.text.ParseException;

/** A Quartz cron expression (six or seven fields, seconds first), as camel-quartz takes it. Null is valid. */
@Documented
@Constraint(validatedBy = Cron.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Cron {

    String message() default "is not a valid Quartz cron expression";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Cron, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            try {
                new CronExpression(value);
                return true;
            } catch (ParseException e) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(
                                "is not a valid Quartz cron expression (" + e.getMessage().replace("{", "(").replace("}", ")") + ")")
                        .addConstraintViolation();
                return false;
            }
        }
    }
}
