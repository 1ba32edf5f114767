package dev.recur.loss;

import dev.recur.autodiff.Variable;
import dev.recur.tensor.DType;
import dev.recur.tensor.Tensor;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.recur.loss.Fixtures.shape;
import static dev.recur.loss.Fixtures.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every message a loss throws, by its full text: the loss, what was expected, what was received, a hint. */
class LossErrorsTest {

    record Bad(String name, Executable call, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Variable v(int... shape) {
        return Variable.leaf(Tensor.full(DType.FLOAT64, 0.5, shape));
    }

    private static Tensor zeros(int... shape) {
        return Tensor.zeros(DType.FLOAT64, shape);
    }

    private static final SparseCategoricalCrossEntropy SPARSE = SparseCategoricalCrossEntropy.fromLogits();
    private static final MeanSquaredError MSE = new MeanSquaredError();

    static Stream<Bad> cases() {
        return Stream.of(
                // configuration
                new Bad("no class weights", () -> ClassWeights.of(),
                        "ClassWeights: no weights given; use ClassWeights.NONE to weigh every class 1"),
                new Bad("negative class weight", () -> ClassWeights.of(1, -2),
                        "ClassWeights: class 1 has weight -2.0; weights must be finite and non-negative"),
                new Bad("NaN class weight", () -> ClassWeights.of(Double.NaN),
                        "ClassWeights: class 0 has weight NaN; weights must be finite and non-negative"),
                new Bad("binary class weights", () -> BinaryCrossEntropy.fromLogits().withClassWeights(ClassWeights.of(1, 2, 3)),
                        "BinaryCrossEntropy: class weights need 2 entries (class 0, class 1) but 3 were given"),
                new Bad("Huber delta 0", () -> new Huber(0.0), "Huber: delta must be positive and finite but is 0.0"),
                new Bad("Huber delta NaN", () -> new Huber(Double.NaN), "Huber: delta must be positive and finite but is NaN"),
                new Bad("null reduction", () -> new MeanSquaredError(null),
                        "MeanSquaredError: reduction must not be null; use Reduction.MEAN, SUM or NONE"),
                new Bad("null reduction, MAE", () -> new MeanAbsoluteError(null),
                        "MeanAbsoluteError: reduction must not be null; use Reduction.MEAN, SUM or NONE"),
                new Bad("null reduction, Huber", () -> new Huber(1.0, null),
                        "Huber: reduction must not be null; use Reduction.MEAN, SUM or NONE"),
                new Bad("null kind", () -> new CategoricalCrossEntropy(null, ClassWeights.NONE, Reduction.MEAN),
                        "CategoricalCrossEntropy: the kind of predictions must not be null; use Predictions.LOGITS or PROBABILITIES"),
                new Bad("null class weights", () -> SPARSE.withClassWeights(null),
                        "SparseCategoricalCrossEntropy: classWeights must not be null; use ClassWeights.NONE for equal weights"),
                new Bad("null reduction, BCE", () -> BinaryCrossEntropy.fromLogits().withReduction(null),
                        "BinaryCrossEntropy: reduction must not be null; use Reduction.MEAN, SUM or NONE"),
                // arguments
                new Bad("null predictions", () -> MSE.apply(null, zeros(2, 1)), "MeanSquaredError: predictions must not be null"),
                new Bad("null targets", () -> MSE.apply(v(2, 1), null), "MeanSquaredError: targets must not be null"),
                new Bad("null weighting", () -> MSE.apply(v(2, 1), zeros(2, 1), null), "MeanSquaredError: weighting must not be null"),
                new Bad("null class targets", () -> SPARSE.apply(v(2, 3), null, 2), "SparseCategoricalCrossEntropy: targets must not be null"),
                new Bad("null target shape", () -> SPARSE.apply(v(2, 3), new int[]{0, 1}, null, Weighting.NONE),
                        "SparseCategoricalCrossEntropy: targetShape must not be null"),
                new Bad("rank-1 predictions", () -> MSE.apply(v(4), zeros(4)),
                        "MeanSquaredError: predictions of shape [4] have no feature or class dimension; expected [batch, features]"
                                + " or [batch, time, features]. Possible cause: a [batch] output; reshape it to [batch, 1]"),
                // target shapes
                new Bad("target shape", () -> MSE.apply(v(2, 3), zeros(3, 2)),
                        "MeanSquaredError: targets have shape [3, 2] but the predictions have shape [2, 3]; they must be equal"),
                new Bad("target shape, trailing 1", () -> new Huber().apply(v(4, 10, 1), zeros(4, 10)),
                        "Huber: targets have shape [4, 10] but the predictions have shape [4, 10, 1]; they must be equal."
                                + " Possible cause: a trailing dimension of size 1 on one side only; reshape the targets to [4, 10, 1]"),
                new Bad("class indices to CCE", () -> CategoricalCrossEntropy.fromLogits().apply(v(4, 5), zeros(4, 1)),
                        "CategoricalCrossEntropy: targets have shape [4, 1] but the predictions have shape [4, 5]; they must be"
                                + " equal. Possible cause: the targets hold class indices; use SparseCategoricalCrossEntropy for integer labels"),
                // target values
                new Bad("NaN regression target", () -> new MeanAbsoluteError().apply(v(2, 2), t(shape(2, 2), 0, 1, Double.NaN, 3)),
                        "MeanAbsoluteError: target NaN at [1, 0] is not finite (targets of shape [2, 2]). Possible cause:"
                                + " missing values in the data; drop or fill them, or mask those steps"),
                new Bad("BCE target 2", () -> BinaryCrossEntropy.fromLogits().apply(v(3, 1), t(shape(3, 1), 0, 2, 1)),
                        "BinaryCrossEntropy: target 2.0 at [1, 0] is outside [0, 1] (targets of shape [3, 1]). Possible cause:"
                                + " class indices of a multi-class problem; use SparseCategoricalCrossEntropy for integer labels"),
                new Bad("CCE target 3", () -> CategoricalCrossEntropy.fromProbabilities().apply(v(2, 3), t(shape(2, 3), 0, 1, 0, 3, 0, 0)),
                        "CategoricalCrossEntropy: target 3.0 at [1, 0] is outside [0, 1] (targets of shape [2, 3]). Possible cause:"
                                + " integer class labels; use SparseCategoricalCrossEntropy for those"),
                new Bad("CCE class weights", () -> CategoricalCrossEntropy.fromLogits().withClassWeights(ClassWeights.of(1, 2))
                        .apply(v(2, 3), t(shape(2, 3), 0, 1, 0, 1, 0, 0)),
                        "CategoricalCrossEntropy: 2 class weights given but the predictions have 3 classes (shape [2, 3])"),
                // masks and sample weights
                new Bad("mask shape", () -> MSE.apply(v(2, 5, 3), zeros(2, 5, 3), Weighting.mask(zeros(2, 5, 3))),
                        "MeanSquaredError: the mask has shape [2, 5, 3] but the losses are per element of shape [2, 5] (the"
                                + " predictions' shape [2, 5, 3] without its last dimension); pass a mask of shape [2, 5]"),
                new Bad("mask value", () -> MSE.apply(v(2, 3, 1), zeros(2, 3, 1), Weighting.mask(t(shape(2, 3), 1, 1, 1, 1, 0.5, 0))),
                        "MeanSquaredError: mask values must be 0 or 1 but the mask holds 0.5 at [1, 1] (mask of shape [2, 3])"),
                new Bad("sample weight shape", () -> MSE.apply(v(2, 3, 1), zeros(2, 3, 1), Weighting.sampleWeights(zeros(3))),
                        "MeanSquaredError: sample weights have shape [3] but expected [2] (one per sample) or [2, 3] (one per"
                                + " element) for predictions of shape [2, 3, 1]"),
                new Bad("sample weight NaN", () -> MSE.apply(v(2, 1), zeros(2, 1), Weighting.sampleWeights(t(shape(2), 1, Double.NaN))),
                        "MeanSquaredError: sample weight NaN at [1] is not finite"),
                // class indices
                new Bad("targets do not fill their shape", () -> SPARSE.apply(v(2, 3, 5), new int[]{0, 1, 2}, 2, 3),
                        "SparseCategoricalCrossEntropy: 3 targets do not fill their shape [2, 3] (6 elements)"),
                new Bad("class target shape", () -> SPARSE.apply(v(2, 3, 5), new int[6], 3, 2),
                        "SparseCategoricalCrossEntropy: targets have shape [3, 2] but the logits have shape [2, 3, 5]; expected"
                                + " one class index per row of logits, shape [2, 3]"),
                new Bad("class target shape, trailing 1", () -> SPARSE.apply(v(4, 5), new int[4], 4, 1),
                        "SparseCategoricalCrossEntropy: targets have shape [4, 1] but the logits have shape [4, 5]; expected one"
                                + " class index per row of logits, shape [4]. Possible cause: a trailing dimension of size 1; drop it"),
                new Bad("one-hot class targets", () -> SPARSE.apply(v(2, 3), new int[6], 2, 3),
                        "SparseCategoricalCrossEntropy: targets have shape [2, 3] but the logits have shape [2, 3]; expected one"
                                + " class index per row of logits, shape [2]. Possible cause: one-hot targets; pass class indices,"
                                + " or use CategoricalCrossEntropy"),
                new Bad("1-based labels", () -> SPARSE.apply(v(2, 3, 65), new int[]{1, 2, 3, 4, 65, 6}, 2, 3),
                        "SparseCategoricalCrossEntropy: target 65 at [1, 1] is not a class of 65; expected 0..64 (logits of"
                                + " shape [2, 3, 65]) or the ignore index -100. Possible cause: labels are 1-based; classes must be"
                                + " 0..C-1, or the output layer has fewer units than there are classes"),
                new Bad("negative label", () -> SPARSE.apply(v(2, 3, 65), new int[]{1, 2, -1, 4, 5, 6}, 2, 3),
                        "SparseCategoricalCrossEntropy: target -1 at [0, 2] is negative and not the ignore index -100; expected"
                                + " 0..64 (logits of shape [2, 3, 65]). Possible cause: padding labelled -1; mask those steps or set"
                                + " withIgnoreIndex(-1)"),
                new Bad("sparse class weights", () -> SPARSE.withClassWeights(ClassWeights.of(1, 2)).apply(v(2, 3), new int[]{0, 1}, 2),
                        "SparseCategoricalCrossEntropy: 2 class weights given but the predictions have 3 classes (shape [2, 3])"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void throwsWithTheMessage(Bad bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad.call());
        assertEquals(bad.message(), e.getMessage());
    }
}
