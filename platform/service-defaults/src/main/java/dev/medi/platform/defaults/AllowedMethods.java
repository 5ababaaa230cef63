package dev.medi.platform.defaults;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The methods a path supports, for the {@code Allow} header that RFC 9110 requires on every 405 (Quarkus REST
 * answers 405 without it). Read once from the JAX-RS annotations of the application's resource classes, so it
 * lists exactly the resource methods whose path template matches; plus HEAD where GET is, and OPTIONS.
 */
public final class AllowedMethods {

    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");

    private record Route(Pattern path, String method) {
    }

    private static volatile List<Route> routes;

    /** E.g. {@code "GET, HEAD, OPTIONS, PATCH"}; {@code null} when no resource method matches the path. */
    public static String forPath(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                methods.add(route.method());
            }
        }
        if (methods.isEmpty()) {
            return null;
        }
        if (methods.contains(HttpMethod.GET)) {
            methods.add(HttpMethod.HEAD);
        }
        methods.add(HttpMethod.OPTIONS);
        return String.join(", ", methods);
    }

    private static List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            known = scan();
            routes = known;
        }
        return known;
    }

    /** Root resource classes are beans in Quarkus REST: their classes carry the templates. */
    private static List<Route> scan() {
        List<Route> found = new ArrayList<>();
        if (Arc.container() == null) {
            return found;
        }
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Method method : c.getDeclaredMethods()) {
                    String httpMethod = httpMethod(method);
                    if (httpMethod != null) {
                        Path sub = method.getAnnotation(Path.class);
                        found.add(new Route(template(root.value(), sub == null ? "" : sub.value()), httpMethod));
                    }
                }
            }
        }
        return found;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** {@code /api/v1/users} + {@code {id}} → {@code /api/v1/users/[^/]+}; {@code {id: regex}} keeps its regex. */
    static Pattern template(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        if (joined.length() > 1 && joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        StringBuilder regex = new StringBuilder();
        Matcher matcher = PARAMETER.matcher(joined);
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(joined.substring(last, matcher.start())));
            regex.append('(').append(matcher.group(2) == null ? "[^/]+" : matcher.group(2).strip()).append(')');
            last = matcher.end();
        }
        regex.append(Pattern.quote(joined.substring(last)));
        return Pattern.compile(regex + "/?");
    }

    private AllowedMethods() {
    }
}
