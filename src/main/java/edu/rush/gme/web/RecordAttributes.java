package edu.rush.gme.web;

import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.attributes.ResolvedAttribute;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads a record's component in a template ({@code program.title}) through a function made once per
 * record class and component, instead of Pebble's reflection: its default resolver builds a cache
 * key, copies the method's parameter types (a native call with only the C1 compiler) and calls
 * {@code Method.invoke}, for each of the thousands of attributes a finder page prints. With the
 * production flags that lookup was an eighth of an uncached finder page's CPU (a perf profile of
 * {@code bench/uncached.sh}).
 *
 * <p>What is read is exactly what Pebble would read: Pebble looks for a method of the attribute's own
 * name first (then a public field, then {@code getX()}, {@code isX()}, {@code hasX()}), so for a
 * record that is no collection and an attribute asked for without arguments, that is the component's
 * accessor. Anything else (maps, lists, other objects, methods called with arguments, names that are
 * no component) goes on to Pebble's resolvers as before, errors included.
 */
final class RecordAttributes implements AttributeResolver {

    /** What a class that is no record (or is a collection) maps to: nothing is read here. */
    private static final Map<String, Function<Object, Object>> NOT_A_RECORD = Map.of();
    /** What a name that is no component of the record (or one this class cannot read) maps to: Pebble reads it. */
    private static final Function<Object, Object> NOT_A_COMPONENT = record -> null;

    /**
     * Per class: for a record, its components' readers by name, made as they are first asked for;
     * for any other class, {@link #NOT_A_RECORD}. (Asked once per class: {@code Class.isRecord} is a
     * native call, as dear as the reflection this replaces with only the C1 compiler.)
     */
    private static final ClassValue<Map<String, Function<Object, Object>>> READERS = new ClassValue<>() {
        @Override
        protected Map<String, Function<Object, Object>> computeValue(Class<?> type) {
            boolean collection = java.util.Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                    || Map.Entry.class.isAssignableFrom(type) || Iterable.class.isAssignableFrom(type);
            return type.isRecord() && !collection ? new ConcurrentHashMap<>() : NOT_A_RECORD;
        }
    };

    @Override
    public ResolvedAttribute resolve(Object instance, Object attributeNameValue, Object[] argumentValues, ArgumentsNode args,
            EvaluationContextImpl context, String filename, int lineNumber) {
        if (instance == null || !(attributeNameValue instanceof String name) || (argumentValues != null && argumentValues.length > 0)) {
            return null;
        }
        Map<String, Function<Object, Object>> readers = READERS.get(instance.getClass());
        if (readers == NOT_A_RECORD) {
            return null;
        }
        Function<Object, Object> reader = readers.get(name);
        if (reader == null) {
            // Only the first time (a lambda that captures is itself an allocation through a native call under C1).
            Class<?> type = instance.getClass();
            reader = readers.computeIfAbsent(name, component -> reader(type, component));
        }
        return reader == NOT_A_COMPONENT ? null : new ResolvedAttribute(reader.apply(instance));
    }

    /** The accessor of the record's component of that name, as a function; {@link #NOT_A_COMPONENT} when it has none. */
    private static Function<Object, Object> reader(Class<?> type, String name) {
        RecordComponent component = null;
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getName().equals(name)) {
                component = c;
            }
        }
        if (component == null) {
            return NOT_A_COMPONENT;
        }
        try {
            Method accessor = component.getAccessor();
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            MethodHandle read = lookup.unreflect(accessor);
            Class<?> result = MethodType.methodType(accessor.getReturnType()).wrap().returnType();
            @SuppressWarnings("unchecked")
            Function<Object, Object> function = (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply",
                    MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class), read,
                    MethodType.methodType(result, type)).getTarget().invoke();
            return function;
        } catch (Throwable cannot) {
            // A record this module cannot open (none of ours): Pebble's reflection reads it as before.
            return NOT_A_COMPONENT;
        }
    }
}
