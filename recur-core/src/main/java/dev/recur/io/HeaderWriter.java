package dev.recur.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Encodes a header exactly as the Python package's writer (serde_json, compact) does:
 * {@code __metadata__} first, then the entries in layout order with fields dtype, shape,
 * data_offsets; strings escape only {@code "}, {@code \}, and control characters; the JSON is
 * padded with spaces to a multiple of 8 bytes so that the data buffer starts aligned.
 */
final class HeaderWriter {

    private HeaderWriter() {
    }

    /** The padded header bytes, for entries already in layout order with their offsets. */
    static byte[] encode(Map<String, String> metadata, List<TensorEntry> entries) {
        StringBuilder json = new StringBuilder("{");
        if (!metadata.isEmpty()) {
            json.append('"').append(HeaderParser.METADATA_KEY).append("\":{");
            metadata.forEach((key, value) -> {
                quote(json, key).append(':');
                quote(json, value).append(',');
            });
            json.setLength(json.length() - 1);
            json.append("},");
        }
        for (TensorEntry e : entries) {
            quote(json, e.name()).append(":{\"dtype\":\"").append(e.dtype().code()).append("\",\"shape\":[");
            for (int i = 0; i < e.shape().length; i++) {
                json.append(i == 0 ? "" : ",").append(e.shape()[i]);
            }
            json.append("],\"data_offsets\":[").append(e.begin()).append(',').append(e.end()).append("]},");
        }
        if (json.length() > 1) {
            json.setLength(json.length() - 1); // the last comma
        }
        json.append('}');
        byte[] utf8 = utf8(json);
        byte[] padded = Arrays.copyOf(utf8, (utf8.length + 7) / 8 * 8);
        Arrays.fill(padded, utf8.length, padded.length, (byte) ' ');
        return padded;
    }

    private static StringBuilder quote(StringBuilder json, String s) {
        json.append('"');
        int plain = 0; // length of the prefix that needs no escaping, appended in one piece
        while (plain < s.length() && s.charAt(plain) >= 0x20 && s.charAt(plain) != '"' && s.charAt(plain) != '\\') {
            plain++;
        }
        json.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }

    private static byte[] utf8(StringBuilder json) {
        String text = json.toString();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (!new String(bytes, StandardCharsets.UTF_8).equals(text)) { // only an unpaired surrogate is lost
            throw new IllegalArgumentException("safetensors header: tensor names and metadata must be valid"
                    + " Unicode text, but one holds an unpaired surrogate character; fix the string before saving");
        }
        return bytes;
    }
}
