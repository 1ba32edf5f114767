package dev.recur.nn.spec;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SuggestionsTest {

    @Test
    void editDistance() {
        assertEquals(0, Suggestions.distance("dense", "dense"));
        assertEquals(1, Suggestions.distance("flaten", "flatten"));
        assertEquals(1, Suggestions.distance("units", "unit"));
        assertEquals(2, Suggestions.distance("activaiton", "activation")); // a swap is two edits
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(4, Suggestions.distance("", "gelu"));
    }

    @Test
    void closestWithinTwoEditsIgnoringCase() {
        List<String> valid = List.of("Dense", "Dropout", "Flatten");
        assertEquals(Optional.of("Flatten"), Suggestions.closest("flaten", valid));
        assertEquals(Optional.of("Dense"), Suggestions.closest("DENSE", valid));
        assertEquals(Optional.empty(), Suggestions.closest("Conv2D", valid));
        assertEquals(" (names are case-sensitive: did you mean Dense?)", Suggestions.hint("dense", valid));
        assertEquals(" (did you mean Dropout?)", Suggestions.hint("Droput", valid));
        assertEquals("", Suggestions.hint("LSTM", valid));
    }
}
