package dev.recur.train;

import dev.recur.autodiff.GradMode;
import dev.recur.autodiff.Variable;
import dev.recur.loss.Weighting;
import dev.recur.nn.Context;
import dev.recur.nn.Masked;
import dev.recur.nn.Model;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/** Inference over data in batches, in order, recording nothing: evaluation and prediction. */
final class Evaluator {

    private Evaluator() {
    }

    /** The loss and metrics over {@code data}, each batch weighted by its size; keys prefixed by {@code prefix}. */
    static Map<String, Double> evaluate(Model model, Objective objective, List<Metric> metrics, Data data, int batchSize,
                                        String prefix) {
        MeanTracker tracker = new MeanTracker();
        DType dtype = ModelFile.dtype(model);
        model.resetStates();
        try (var noGrad = GradMode.noGrad()) {
            for (int start = 0; start < data.size(); start += batchSize) {
                Data batch = data.slice(start, Math.min(data.size(), start + batchSize));
                Masked out = model.forward(Masked.of(batch.x().to(dtype)), Context.inference());
                Variable loss = objective.apply(out.value(), batch.y(), Weighting.mask(out.mask()));
                int n = batch.size();
                tracker.add("loss", loss.value().item(), n);
                for (Metric m : metrics) {
                    tracker.add(m.name(), m.batchValue(out.value().value(), batch.y(), out.mask()), n);
                }
            }
        }
        return tracker.means(finishers(metrics), prefix);
    }

    /** The model's outputs for every sample, computed in batches. */
    static Tensor predict(Model model, Tensor x, int batchSize) {
        DType dtype = ModelFile.dtype(model);
        List<Tensor> parts = new ArrayList<>();
        model.resetStates();
        try (var noGrad = GradMode.noGrad()) {
            for (int start = 0; start < x.dim(0); start += batchSize) {
                Tensor batch = x.slice(0, start, Math.min(x.dim(0), start + batchSize)).to(dtype);
                parts.add(model.forward(Masked.of(batch), Context.inference()).value().value());
            }
        }
        return parts.size() == 1 ? parts.getFirst() : Tensor.concat(0, parts.toArray(new Tensor[0]));
    }

    /** Each metric's {@link Metric#result} by name. */
    static Map<String, DoubleUnaryOperator> finishers(List<Metric> metrics) {
        Map<String, DoubleUnaryOperator> out = new LinkedHashMap<>();
        for (Metric m : metrics) {
            out.put(m.name(), m::result);
        }
        return out;
    }
}
