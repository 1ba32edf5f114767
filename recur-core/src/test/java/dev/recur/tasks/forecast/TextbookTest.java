package dev.recur.tasks.forecast;

import dev.recur.nn.BuildContext;
import dev.recur.nn.Sequential;
import dev.recur.nn.spec.LayerRegistry;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import dev.recur.train.RandomStreams;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.recur.tasks.forecast.BaselinesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextbookTest {

    @Test
    void theTableHasTheIssuesRowsInOrder() {
        assertEquals(List.of("naive", "linear", "simple_rnn_1", "deep_rnn", "iterative_10", "vector_10", "seq2seq_10",
                "lstm_seq2seq_10", "gru_conv1d_10", "wavenet_10"), Textbook.ROWS.stream().map(Textbook.Row::name).toList());
        assertEquals(0.029, Textbook.row("iterative_10").published());
        assertMessage(() -> Textbook.row("gpt"), "no row \"gpt\"; rows: naive, linear,");
    }

    @Test
    void dataHasTheBooksSplitAndEveryStepTargets() {
        Textbook.Data d = Textbook.generate(100, Textbook.AHEAD, 7);
        assertEquals(70, d.train().size());
        assertEquals(20, d.validation().size());
        assertEquals(10, d.test().size());
        Textbook.Part p = d.train();
        assertArrayEquals(new int[] {70, 50, 1}, p.inputs().shape());
        assertArrayEquals(new int[] {70, 50, 10}, p.targets().shape());
        assertEquals(p.inputs().get(3, 7, 0), p.targets().get(3, 6, 0), "targets[s, t, 0] is step t + 1");
        assertEquals(p.targets().get(3, 49, 4), p.future(10).get(3, 4));
        assertMessage(() -> Textbook.generate(9, 1, 0), "at least 10 series are needed for a 70/20/10 split, got 9");
    }

    @Test
    void everyModelMapsTheInputsToItsTargetsShape() {
        for (Textbook.Row row : Textbook.ROWS) {
            if (row.baseline()) {
                continue;
            }
            Textbook.Part p = Textbook.generate(10, row.horizon(), 1).train();
            Sequential m = LayerRegistry.parseModel(row.layers()).build(new BuildContext(DType.FLOAT32, new RandomStreams(1).init()));
            Tensor out = m.predict(p.inputs());
            Tensor targets = row.strategy() == Strategy.ITERATIVE ? Strategy.VECTOR.targets(p.targets(), 1) : p.targetsFor(row);
            assertArrayEquals(targets.shape(), out.shape(), row.name());
        }
    }

    @Test
    void theStridedConvolutionTrainsOnEverySecondStepFromTheFourth() {
        Textbook.Part p = Textbook.generate(10, Textbook.AHEAD, 2).train();
        Tensor t = p.targetsFor(Textbook.row("gru_conv1d_10"));
        assertArrayEquals(new int[] {7, 24, 10}, t.shape()); // Géron's Y[:, 3::2]
        assertEquals(p.targets().get(1, 3, 2), t.get(1, 0, 2));
        assertEquals(p.targets().get(1, 49, 9), t.get(1, 23, 9));
    }

    @Test
    void aReusingRowNeedsItsModelTrainedFirst() {
        TextbookRun run = new TextbookRun(50, TextbookRun.Settings.defaults(1).withEpochs(1));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run.run(Textbook.row("iterative_10")));
        assertTrue(e.getMessage().contains("forecasts with the model of row deep_rnn, which this run has not trained yet"),
                e.getMessage());
        TextbookRun.Result naive = run.run(Textbook.row("naive"));
        assertEquals(ForecastErrors.of(Baselines.naive(run.data(1).validation().inputs(), 1, 0),
                run.data(1).validation().future(1)).mse(), naive.mse(), 1e-12);
        TextbookRun.Result deep = run.run(Textbook.row("deep_rnn"));
        assertEquals(1, deep.epochs());
        TextbookRun.Result it = run.run(Textbook.row("iterative_10"));
        assertTrue(it.trainer() == deep.trainer() && it.epochs() == 0, "the iterative row reuses the deep RNN");
        assertMessage(() -> new TextbookRun(5, TextbookRun.Settings.defaults(1)), "at least 10 series are needed");
        assertMessage(() -> new TextbookRun.Settings(0, 32, 0.1, 1, 1), "epochs and batchSize must be at least 1, the"
                + " learning rate positive and patience at least 0; got epochs=0");
    }
}
