package dev.recur.tasks.seq2seq;

import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.List;

/**
 * Pairs padded into tensors for teacher forcing: the decoder reads {@code <s> y1 .. yn} and
 * predicts {@code y1 .. yn </s>}; padding is 0 everywhere (masked in the encoder, ignored by the loss).
 *
 * @param source      {@code [batch, sourceTime]} source ids
 * @param targetIn    {@code [batch, targetTime]} decoder inputs
 * @param targetOut   the ids to predict, row-major over {@code [batch, targetTime]}
 * @param targetShape {@code {batch, targetTime}}
 */
record Batch(Tensor source, Tensor targetIn, int[] targetOut, int[] targetShape) {

    static Batch of(List<Pair> pairs, DType dtype) {
        int b = pairs.size();
        int ts = pairs.stream().mapToInt(p -> p.source().length).max().orElseThrow();
        int tt = pairs.stream().mapToInt(p -> p.target().length).max().orElseThrow() + 1;
        Tensor source = Tensor.zeros(dtype, b, ts);
        Tensor targetIn = Tensor.zeros(dtype, b, tt);
        int[] targetOut = new int[b * tt];
        for (int i = 0; i < b; i++) {
            Pair p = pairs.get(i);
            for (int t = 0; t < p.source().length; t++) {
                source.setFlat(i * ts + t, p.source()[t]);
            }
            targetIn.setFlat(i * tt, TextSide.START);
            for (int t = 0; t < p.target().length; t++) {
                targetIn.setFlat(i * tt + t + 1, p.target()[t]);
                targetOut[i * tt + t] = p.target()[t];
            }
            targetOut[i * tt + p.target().length] = TextSide.END;
        }
        return new Batch(source, targetIn, targetOut, new int[]{b, tt});
    }
}
