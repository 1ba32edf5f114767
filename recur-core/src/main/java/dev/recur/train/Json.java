package dev.recur.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.reflect.TypeToken;

import java.util.Map;

/**
 * JSON for the metadata of model files and checkpoints. Doubles are written with
 * {@link Double#toString}, which reads back to the same bits; NaN and infinities are written
 * as {@code NaN} and {@code Infinity} (a metric can be NaN); in a map read back they arrive as
 * strings, which readers convert.
 */
public final class Json {

    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping()
            .setStrictness(Strictness.LENIENT).create();

    private Json() {
    }

    public static String write(Object value) {
        return GSON.toJson(value);
    }

    /**
     * A JSON object as a map (numbers as {@code Double}).
     *
     * @throws IllegalArgumentException naming {@code what} when the text is not a JSON object
     */
    public static Map<String, Object> readObject(String text, String what) {
        try {
            Map<String, Object> map = GSON.fromJson(text, new TypeToken<Map<String, Object>>() { }.getType());
            if (map == null) {
                throw new IllegalArgumentException(what + " is empty; expected a JSON object");
            }
            return map;
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException(what + " is not a valid JSON object (" + e.getMessage() + ")", e);
        }
    }
}
