package vn.govhub.api;

import java.util.List;

/**
 * A request the API refuses, rendered as {@code application/problem+json} (RFC 9457).
 *
 * @see ProblemResponses
 */
public class ApiException extends RuntimeException {

    /** One offending input: the field as the client named it, and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }

    private final int status;
    private final String title;
    private final List<FieldProblem> errors;

    public ApiException(int status, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "Not Found", detail, List.of());
    }

    public static ApiException invalid(List<FieldProblem> errors) {
        return new ApiException(400, "Invalid request", errors.size() == 1
                ? "One field is invalid." : errors.size() + " fields are invalid.", errors);
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldProblem(field, message)));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
