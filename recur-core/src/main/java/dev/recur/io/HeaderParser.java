package dev.recur.io;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the JSON header of an untrusted file into entries and metadata, checking every token's
 * type as it streams by (strict JSON, no duplicate keys, no unknown fields, integers only where
 * the format has integers). Layout checks against the data buffer are {@link Header}'s.
 */
final class HeaderParser {

    static final String METADATA_KEY = "__metadata__";
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private final Path file;
    private final JsonReader json;

    private HeaderParser(Path file, String text) {
        this.file = file;
        this.json = new JsonReader(new StringReader(text));
        this.json.setStrictness(Strictness.STRICT);
    }

    /** Entries in header order and the metadata (empty if the header has none). */
    record Parsed(List<TensorEntry> entries, Map<String, String> metadata) {
    }

    static Parsed parse(Path file, byte[] header) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(header)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidSafeTensorsException(file, "the header is not valid UTF-8 text",
                    InvalidSafeTensorsException.DAMAGED);
        }
        try {
            return new HeaderParser(file, text).header();
        } catch (IOException | IllegalStateException e) { // malformed JSON, reported by Gson
            throw fail(file, "the header is not valid JSON (" + e.getMessage() + ")");
        }
    }

    private Parsed header() throws IOException {
        expect(JsonToken.BEGIN_OBJECT, "the header");
        json.beginObject();
        List<TensorEntry> entries = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        while (json.hasNext()) {
            String name = json.nextName();
            if (!names.add(name)) {
                throw fail(file, "the header names '" + name + "' twice");
            }
            if (name.equals(METADATA_KEY)) {
                metadata = metadata();
            } else {
                entries.add(entry(name));
            }
        }
        json.endObject();
        if (json.peek() != JsonToken.END_DOCUMENT) {
            throw fail(file, "the header has content after its JSON object");
        }
        return new Parsed(entries, metadata);
    }

    private Map<String, String> metadata() throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (json.peek() == JsonToken.NULL) { // the Python reader accepts null as "no metadata"
            json.nextNull();
            return metadata;
        }
        expect(JsonToken.BEGIN_OBJECT, METADATA_KEY);
        json.beginObject();
        while (json.hasNext()) {
            String key = json.nextName();
            if (json.peek() != JsonToken.STRING) {
                throw fail(file, METADATA_KEY + " entry '" + key + "' is " + describe(json.peek())
                        + "; metadata values must be strings");
            }
            if (metadata.put(key, json.nextString()) != null) {
                throw fail(file, METADATA_KEY + " names '" + key + "' twice");
            }
        }
        json.endObject();
        return metadata;
    }

    private TensorEntry entry(String name) throws IOException {
        String what = "tensor '" + name + "'";
        expect(JsonToken.BEGIN_OBJECT, what);
        json.beginObject();
        SafeTensorsDType dtype = null;
        long[] shape = null;
        long[] offsets = null;
        while (json.hasNext()) {
            String field = json.nextName();
            switch (field) {
                case "dtype" -> {
                    once(dtype, what, field);
                    dtype = dtype(what);
                }
                case "shape" -> {
                    once(shape, what, field);
                    shape = integers(what + " shape");
                }
                case "data_offsets" -> {
                    once(offsets, what, field);
                    offsets = integers(what + " data_offsets");
                }
                default -> throw fail(file, what + " has an unknown field '" + field
                        + "' (expected dtype, shape and data_offsets)");
            }
        }
        json.endObject();
        if (dtype == null || shape == null || offsets == null) {
            String missing = dtype == null ? "dtype" : shape == null ? "shape" : "data_offsets";
            throw fail(file, what + " has no '" + missing + "' field");
        }
        if (offsets.length != 2) {
            throw fail(file, what + " data_offsets has " + offsets.length + " numbers, expected 2 [begin, end]");
        }
        return new TensorEntry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private void once(Object previous, String what, String field) {
        if (previous != null) {
            throw fail(file, what + " has the field '" + field + "' twice");
        }
    }

    private SafeTensorsDType dtype(String what) throws IOException {
        expect(JsonToken.STRING, what + " dtype");
        String code = json.nextString();
        SafeTensorsDType dtype = SafeTensorsDType.fromCode(code);
        if (dtype == null) {
            throw new InvalidSafeTensorsException(file, what + " has dtype \"" + code
                    + "\", which Recur does not read (supported: " + SafeTensorsDType.supported() + ")",
                    "Convert the tensor to one of these types before saving the file.");
        }
        return dtype;
    }

    /** An array of non-negative integers that fit a long. */
    private long[] integers(String what) throws IOException {
        expect(JsonToken.BEGIN_ARRAY, what);
        json.beginArray();
        long[] values = new long[4];
        int n = 0;
        while (json.hasNext()) {
            if (json.peek() != JsonToken.NUMBER) {
                throw fail(file, what + " holds " + describe(json.peek()) + " where an integer belongs");
            }
            String literal = json.nextString();
            if (!INTEGER.matcher(literal).matches()) {
                throw fail(file, what + " holds " + literal + ", which is not an integer");
            }
            if (literal.startsWith("-")) {
                throw fail(file, what + " holds the negative number " + literal);
            }
            if (n == values.length) {
                values = Arrays.copyOf(values, 2 * n);
            }
            try {
                values[n++] = Long.parseLong(literal);
            } catch (NumberFormatException tooLarge) {
                throw fail(file, what + " holds " + literal + ", larger than 2^63-1");
            }
        }
        json.endArray();
        return Arrays.copyOf(values, n);
    }

    private void expect(JsonToken token, String what) throws IOException {
        JsonToken found = json.peek();
        if (found != token) {
            throw fail(file, what + " is " + describe(found) + ", expected " + describe(token));
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case BEGIN_OBJECT -> "a JSON object";
            case BEGIN_ARRAY -> "a JSON array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "the end of the header";
        };
    }

    private static InvalidSafeTensorsException fail(Path file, String problem) {
        return new InvalidSafeTensorsException(file, problem, InvalidSafeTensorsException.DAMAGED);
    }
}
