package dev.recur.bench;

import dev.recur.tasks.seq2seq.Seq2SeqConfig;
import dev.recur.tasks.seq2seq.TextPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Seq2SeqBenchTest {

    @Test
    void additionQuestionsAreDistinctSumsOfUpToThreeDigits() {
        List<TextPair> pairs = AdditionBench.generate(2000, 3, false, 1);
        HashSet<String> seen = new HashSet<>();
        for (TextPair p : pairs) {
            String[] ab = p.source().split("\\+");
            long a = Long.parseLong(ab[0]);
            long b = Long.parseLong(ab[1]);
            assertTrue(a < 1000 && b < 1000);
            assertEquals(Long.toString(a + b), p.target());
            assertTrue(seen.add(Math.min(a, b) + "+" + Math.max(a, b)), "duplicate " + p);
        }
        TextPair reversed = AdditionBench.generate(10, 3, true, 1).getFirst();
        assertEquals(new StringBuilder(pairs.getFirst().source()).reverse().toString(), reversed.source());
        assertEquals(pairs.getFirst().target(), reversed.target());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AdditionBench.generate(100, 1, false, 1)).getMessage()
                .contains("only 55 distinct questions exist with 1 digits but 100 were asked for"));
    }

    @Test
    void g2pSplitsByWordAndKeepsEveryPronunciationTogether(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(List.of("word\tphonemes"));
        for (int i = 0; i < 400; i++) {
            lines.add("W" + i + "\tW AH0");
            lines.add("W" + i + "\tW AH1");
        }
        Path f = dir.resolve("d.tsv");
        Files.write(f, lines);
        G2pBench.Split s = G2pBench.read(f);
        assertEquals(400, s.train().size() + s.validation().size() + s.test().size());
        s.test().values().forEach(p -> assertEquals(2, p.size()));
        assertTrue(s.test().size() > 5 && s.test().size() < 40, "about 5%: " + s.test().size());
        assertTrue(s.train().size() > 320, "about 90%: " + s.train().size());
        List<String> out = new ArrayList<>();
        G2pBench.run(f, 200, 10, 2, new Seq2SeqBench.Settings(List.of(Seq2SeqConfig.AttentionType.LUONG), 4, 8, 1, 64,
                0.003, 1, true, 0), line -> { }, out::add);
        assertEquals(1, out.size());
        assertTrue(out.getFirst().startsWith("{\"bench\":\"g2p\",\"model\":\"bilstm8-luong\",\"attention\":\"luong\","
                + "\"bidirectional\":true"), out.getFirst());
        assertTrue(out.getFirst().contains("\"beam\":2,\"wer\":") && out.getFirst().contains("\"greedy_wer\":"), out.getFirst());
        assertEquals("g2p: the beam width must be at least 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> G2pBench.run(f, 1, 1, 0, G2pBench.DEFAULTS, line -> { }, out::add)).getMessage());
        Files.write(f, List.of("word\tphonemes", "nophonemes"));
        assertEquals("g2p: " + f + " line 2 is not word<TAB>phonemes",
                assertThrows(IllegalArgumentException.class, () -> G2pBench.read(f)).getMessage());
    }

    @Test
    void fraEngHoldsOutEveryTranslationOfASentence() {
        List<TextPair> pairs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            pairs.add(new TextPair("s" + i, "a" + i));
            pairs.add(new TextPair("s" + i, "b" + i));
        }
        FraEngBench.Split s = FraEngBench.split(pairs);
        assertEquals(600, s.train().size() + s.validation().size() + s.test().size());
        assertTrue(s.test().stream().noneMatch(t -> s.train().stream().anyMatch(p -> p.source().equals(t.source()))));
    }

    @Test
    void additionRunsEndToEndOnATinySetting() {
        List<String> lines = new ArrayList<>();
        AdditionBench.run(200, true, new Seq2SeqBench.Settings(List.of(Seq2SeqConfig.AttentionType.BAHDANAU), 4, 8, 1, 32,
                0.003, 1, false, 0), line -> { }, lines::add);
        assertEquals(1, lines.size());
        assertTrue(lines.getFirst().startsWith("{\"bench\":\"addition\",\"model\":\"lstm8-bahdanau\",\"attention\":\"bahdanau\""),
                lines.getFirst());
        assertTrue(lines.getFirst().contains("\"exact_match\":"), lines.getFirst());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Seq2SeqBench.Settings(List.of(), 1, 1, 1, 1, 0.1, 1, false, 0))
                .getMessage().contains("benchmark settings need at least one attention"));
    }
}
