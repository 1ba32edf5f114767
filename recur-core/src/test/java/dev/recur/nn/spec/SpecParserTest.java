package dev.recur.nn.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SpecParserTest {

    private static SpecNode one(String spec) {
        List<SpecNode> nodes = SpecParser.parse(spec);
        assertEquals(1, nodes.size(), spec);
        return nodes.get(0);
    }

    private static String error(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> SpecParser.parse(spec)).getMessage();
    }

    @Test
    void layersSeparatedBySpacesOrCommas() {
        List<SpecNode> nodes = SpecParser.parse("  Input(5, 1) LSTM(3),Dense(1)  Flatten Flatten()");
        assertEquals(List.of("Input", "LSTM", "Dense", "Flatten", "Flatten"), nodes.stream().map(SpecNode::name).toList());
        assertEquals(List.of(3, 15, 23, 33, 41), nodes.stream().map(SpecNode::column).toList());
        assertEquals(List.of(5L, 1L), nodes.get(0).positional());
        assertEquals(List.of(), nodes.get(3).positional());
    }

    @Test
    void valuesOfEveryKind() {
        SpecNode n = one("L(3, -2, +4, 0.5, 1e-3, -2.5E+2, true, False, relu, None, \"same\", 'causal', _x)");
        assertEquals(List.of(3L, -2L, 4L, 0.5, 1e-3, -250.0, true, false, "relu", "None", "same", "causal", "_x"),
                n.positional());
    }

    @Test
    void keywordsKeepTheirOrder() {
        SpecNode n = one("LSTM(64, return_sequences=True, dropout=0.2, activation='tanh')");
        assertEquals(List.of(64L), n.positional());
        assertEquals(List.of("return_sequences", "dropout", "activation"), List.copyOf(n.keywords().keySet()));
        assertEquals(Map.of("return_sequences", true, "dropout", 0.2, "activation", "tanh"), n.keywords());
    }

    @Test
    void tuplesAndLists() {
        SpecNode n = one("Input(shape=(None, 8), sizes=[1, 2,], one=(3,), none=())");
        assertEquals(List.of("None", 8L), n.keywords().get("shape"));
        assertEquals(List.of(1L, 2L), n.keywords().get("sizes"));
        assertEquals(List.of(3L), n.keywords().get("one"));
        assertEquals(List.of(), n.keywords().get("none"));
        assertEquals(List.of(List.of(1L, List.of(2L, 3L))), one("X(  ( 1 , (2,3) ) )").positional());
    }

    @Test
    void nestedLayers() {
        SpecNode n = one("Bidirectional(LSTM(8, return_sequences=true), merge_mode=concat, backward=GRU (4))");
        SpecNode inner = (SpecNode) n.positional().get(0);
        assertEquals("LSTM", inner.name());
        assertEquals(15, inner.column());
        assertEquals(List.of(8L), inner.positional());
        assertEquals(Map.of("return_sequences", true), inner.keywords());
        assertEquals("concat", n.keywords().get("merge_mode"));
        assertEquals("GRU", ((SpecNode) n.keywords().get("backward")).name());
        SpecNode deep = one("A(B(C(D)))");
        SpecNode c = (SpecNode) ((SpecNode) deep.positional().get(0)).positional().get(0);
        assertEquals("C", c.name());
        assertEquals("D", c.positional().get(0)); // a bare word inside is a value, not a layer
    }

    @Test
    void trailingCommaAndSpacesAreAccepted() {
        assertEquals(List.of(3L), one("Dense( 3 , )").positional());
        assertEquals(List.of(3L), one("Dense ( 3 )").positional());
    }

    @Test
    void errorsPointAtTheColumn() {
        assertEquals("""
                model specification, column 9: expected ',' or ')' in the arguments of Dense but found 'x'
                  Dense(32x)
                          ^""", error("Dense(32x)"));
        assertEquals("""
                model specification, column 16: expected ',' or ')' in the arguments of Dense but found the end
                  LSTM(3) Dense(1
                                 ^""", error("LSTM(3) Dense(1"));
        assertEquals("""
                model specification, column 9: expected a layer name but found '5'
                  LSTM(3) 5
                          ^""", error("LSTM(3) 5"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Dense(units=3, relu)|column 16: a positional argument follows keyword arguments in Dense; write positional arguments first",
            "Dense(units=3, 4)|column 16: a positional argument follows keyword arguments in Dense; write positional arguments first",
            "Dense(3, units=3, units=4)|column 19: argument 'units' is given twice in Dense",
            "Dense(3, activation=)|column 21: expected a value (a number, true/false, a word or a layer) but found ')'",
            "Dense(1.2.3)|column 7: '1.2.3' is not a number",
            "Dense(3, activation='relu)|column 21: quoted text starting here has no closing '",
            "Input(shape=(3 4))|column 16: expected ',' or ')' in a tuple but found '4'",
            "Dense(-)|column 7: expected a value (a number, true/false, a word or a layer) but found '-'",
            "Dense(3, =relu)|column 10: expected a value (a number, true/false, a word or a layer) but found '='",
    })
    void syntaxErrors(String spec, String message) {
        String e = error(spec);
        assertEquals("model specification, " + message, e.substring(0, e.indexOf('\n')));
    }

    @Test
    void theCaretStaysUnderTheColumnAcrossLineBreaks() {
        String e = error("LSTM(3)\n\tDense(1");
        assertEquals("  LSTM(3)  Dense(1\n                  ^", e.substring(e.indexOf('\n') + 1));
    }

    @Test
    void emptySpecification() {
        String expected = "empty model specification; write layers like \"Embedding(10000, 32) LSTM(32) Dense(1,"
                + " activation=sigmoid)\"";
        assertEquals(expected, error(" "));
        assertEquals(expected, error(null));
    }
}
