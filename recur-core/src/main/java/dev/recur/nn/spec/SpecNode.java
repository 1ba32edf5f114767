package dev.recur.nn.spec;

import java.util.List;
import java.util.Map;

/**
 * One parsed layer specification, e.g. {@code LSTM(64, return_sequences=true)}: a name,
 * positional arguments and keyword arguments. Argument values are {@link Long}, {@link Double},
 * {@link Boolean}, {@link String} (bare words such as {@code sigmoid}, or quoted text), a nested
 * {@code SpecNode} ({@code TimeDistributed(Dense(1))}) or a {@code List} (a tuple {@code (3, 1)}).
 *
 * @param name       the layer type as written
 * @param positional arguments without a keyword, in order
 * @param keywords   arguments with a keyword, in order of appearance
 * @param column     1-based position of the name in the specification, for error messages
 */
public record SpecNode(String name, List<Object> positional, Map<String, Object> keywords, int column) {

    public SpecNode {
        positional = List.copyOf(positional);
        keywords = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(keywords));
    }
}
