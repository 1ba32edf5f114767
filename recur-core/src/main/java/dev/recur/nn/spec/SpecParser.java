package dev.recur.nn.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses model specifications such as
 * {@code "Input(5, 1) LSTM(3, return_sequences=true) TimeDistributed(Dense(1))"}: layers separated
 * by spaces (or commas), each {@code Name(args)} or a bare {@code Name}, with Keras argument
 * names. Values are whole numbers ({@link Long}), decimals ({@link Double}, {@code 1e-3} too),
 * {@code true}/{@code false} (Python's {@code True}/{@code False} too), bare words
 * ({@code sigmoid}, {@code None}), quoted text without escapes ({@code "same"}), tuples
 * {@code (3, 1)} or {@code [3, 1]}, and nested layers. Positional arguments come before keyword
 * ones, as in Python. A plain recursive descent parser; an error gives the column, what was
 * expected, and the specification with a caret under the place.
 */
public final class SpecParser {

    private final String text;
    private int pos;

    private SpecParser(String text) {
        this.text = text;
    }

    /** Parses a whole model specification into its layers' nodes. */
    public static List<SpecNode> parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty model specification; write layers like"
                    + " \"Embedding(10000, 32) LSTM(32) Dense(1, activation=sigmoid)\"");
        }
        SpecParser p = new SpecParser(spec);
        List<SpecNode> nodes = new ArrayList<>();
        p.skipSpace();
        while (p.pos < p.text.length()) {
            nodes.add(p.node());
            p.skipSpace();
            if (p.peek() == ',') { // "LSTM(3), Dense(1)" is accepted too
                p.pos++;
                p.skipSpace();
            }
        }
        return nodes;
    }

    private SpecNode node() {
        int start = pos;
        String name = identifier("a layer name");
        skipSpace();
        List<Object> positional = new ArrayList<>();
        Map<String, Object> keywords = new LinkedHashMap<>();
        if (peek() != '(') {
            return new SpecNode(name, positional, keywords, start + 1); // "Flatten" without parentheses
        }
        pos++;
        skipSpace();
        if (peek() == ')') {
            pos++;
            return new SpecNode(name, positional, keywords, start + 1);
        }
        while (true) {
            skipSpace();
            int argStart = pos;
            if (Character.isLetter(peek()) || peek() == '_') {
                String word = identifier("an argument");
                skipSpace();
                if (peek() == '=') {
                    if (keywords.containsKey(word)) {
                        throw error(argStart, "argument '" + word + "' is given twice in " + name);
                    }
                    pos++;
                    skipSpace();
                    keywords.put(word, value());
                } else {
                    pos = argStart; // a positional word, layer or boolean
                    positional.add(positional(keywords, name));
                }
            } else {
                positional.add(positional(keywords, name));
            }
            skipSpace();
            char c = peek();
            if (c == ',') {
                pos++;
                skipSpace();
                if (peek() == ')') { // trailing comma: Dense(3,)
                    pos++;
                    return new SpecNode(name, positional, keywords, start + 1);
                }
            } else if (c == ')') {
                pos++;
                return new SpecNode(name, positional, keywords, start + 1);
            } else {
                throw expected(pos, "',' or ')' in the arguments of " + name);
            }
        }
    }

    /** A positional argument's value; as in Python, none may follow a keyword argument. */
    private Object positional(Map<String, Object> keywords, String layer) {
        if (!keywords.isEmpty()) {
            throw error(pos, "a positional argument follows keyword arguments in " + layer
                    + "; write positional arguments first");
        }
        return value();
    }

    private Object value() {
        char c = peek();
        if (c == '"' || c == '\'') {
            return quoted(c);
        }
        if (c == '(' || c == '[') {
            return tuple(c == '(' ? ')' : ']');
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            String word = identifier("a value");
            skipSpace();
            if (peek() == '(') {
                pos = start;
                return node();
            }
            return wordValue(word);
        }
        return number();
    }

    private static Object wordValue(String word) {
        return switch (word) {
            case "true", "True" -> Boolean.TRUE;
            case "false", "False" -> Boolean.FALSE;
            default -> word;
        };
    }

    private List<Object> tuple(char close) {
        pos++;
        List<Object> items = new ArrayList<>();
        skipSpace();
        if (peek() == close) {
            pos++;
            return items;
        }
        while (true) {
            skipSpace();
            items.add(value());
            skipSpace();
            char c = peek();
            if (c == ',') {
                pos++;
                skipSpace();
                if (peek() == close) { // trailing comma: (3,)
                    pos++;
                    return items;
                }
            } else if (c == close) {
                pos++;
                return items;
            } else {
                throw expected(pos, "',' or '" + close + "' in a tuple");
            }
        }
    }

    private Object number() {
        int start = pos;
        if (peek() == '-' || peek() == '+') {
            pos++;
        }
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || ".eE".indexOf(text.charAt(pos)) >= 0
                || (pos > start && "+-".indexOf(text.charAt(pos)) >= 0 && "eE".indexOf(text.charAt(pos - 1)) >= 0))) {
            pos++;
        }
        String s = text.substring(start, pos);
        if (s.isEmpty() || s.equals("-") || s.equals("+")) {
            throw expected(start, "a value (a number, true/false, a word or a layer)");
        }
        try {
            if (s.matches("[+-]?\\d+")) {
                return Long.parseLong(s);
            }
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw error(start, "'" + s + "' is not a number");
        }
    }

    private String quoted(char quote) {
        int start = pos++;
        int end = text.indexOf(quote, pos);
        if (end < 0) {
            throw error(start, "quoted text starting here has no closing " + quote);
        }
        String s = text.substring(pos, end);
        pos = end + 1;
        return s;
    }

    private String identifier(String what) {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos || !(Character.isLetter(text.charAt(start)) || text.charAt(start) == '_')) {
            throw expected(start, what);
        }
        return text.substring(start, pos);
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    /** "expected WHAT but found X", at column {@code at + 1}. */
    private IllegalArgumentException expected(int at, String what) {
        String found = at < text.length() ? "'" + text.charAt(at) + "'" : "the end";
        return error(at, "expected " + what + " but found " + found);
    }

    /** The message with its column, then the specification and a caret under that column. */
    private IllegalArgumentException error(int at, String message) {
        String oneLine = text.replaceAll("\\s", " "); // keeps the caret under the column
        return new IllegalArgumentException("model specification, column " + (at + 1) + ": " + message
                + "\n  " + oneLine + "\n  " + " ".repeat(Math.min(at, text.length())) + "^");
    }
}
