package io.gloss.web;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Query and path parameters, checked like bodies. A whole number that is none ({@code ?limit=abc})
 * is a 400 naming the parameter, where Jakarta REST would answer a bare 404 as if the address did
 * not exist; text with NUL ({@code ?q=%00}) is a 400 too, before PostgreSQL refuses it with a 500.
 * Path ids keep Jakarta REST's 404: {@code /api/articles/abc} is an address that does not exist.
 */
@Provider
public class QueryParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, java.lang.reflect.Type genericType, Annotation[] annotations) {
        String query = Arrays.stream(annotations).filter(QueryParam.class::isInstance)
                .map(a -> ((QueryParam) a).value()).findFirst().orElse(null);
        String path = Arrays.stream(annotations).filter(PathParam.class::isInstance)
                .map(a -> ((PathParam) a).value()).findFirst().orElse(null);
        String name = query != null ? query : path;
        if (rawType == String.class && name != null) {
            return (ParamConverter<T>) converter(name, value -> Texts.requireUnicode(name, value));
        }
        if (rawType == Integer.class && query != null) {
            return (ParamConverter<T>) converter(query, value -> wholeOrNull(query, value, Integer.MIN_VALUE, Integer.MAX_VALUE,
                    Long::intValue));
        }
        if (rawType == Long.class && query != null) {
            return (ParamConverter<T>) converter(query, value -> wholeOrNull(query, value, Long.MIN_VALUE, Long.MAX_VALUE,
                    Long::longValue));
        }
        return null;
    }

    private static <N> N wholeOrNull(String name, String value, long min, long max, Function<Long, N> narrow) {
        Long parsed = Numbers.whole(name, value, min, max);
        return parsed == null ? null : narrow.apply(parsed);
    }

    private static <V> ParamConverter<V> converter(String name, Function<String, V> parse) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                try {
                    return parse.apply(value);
                } catch (GlossException e) {
                    throw new BadRequestException(e); // ErrorMapper#web answers with the GlossException
                }
            }

            @Override
            public String toString(V value) {
                return String.valueOf(value);
            }
        };
    }
}
