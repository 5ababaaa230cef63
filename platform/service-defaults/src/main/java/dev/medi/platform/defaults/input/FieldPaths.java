package dev.medi.platform.defaults.input;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.List;

/**
 * The path of a field as the client wrote it in the request, for the {@code field} of a problem's field error:
 * {@code name.family}, {@code identifiers[1].value}, {@code name.given[0]}; {@code roles[]} for an element of a
 * set (it has no position); a query or path parameter by its name; {@code body} for the request as a whole.
 */
public final class FieldPaths {

    /** The request as a whole, when no field is to blame. */
    public static final String BODY = "body";

    /**
     * From a Bean Validation path: {@code register.request.identifiers[1].value} → {@code identifiers[1].value}.
     * Hibernate Validator puts a list position on the node <em>after</em> the list (the element's property, or
     * the {@code <list element>} node): it is written after the list's own name here.
     */
    public static String of(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE
                    || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.isInIterable() && !field.isEmpty()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                field.append('[').append(position == null ? "" : position).append(']');
            }
            if (kind == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue; // "<list element>", or the element bean itself: the position above is all there is
            }
            field.append(field.isEmpty() ? "" : ".").append(node.getName());
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : BODY;
    }

    /** From where Jackson stopped reading: {@code identifiers[1].value}; empty at the top level. */
    public static String of(JsonMappingException e) {
        return of(e.getPath());
    }

    static String of(List<JsonMappingException.Reference> references) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private FieldPaths() {
    }
}
