package dev.recur.cli;

import picocli.CommandLine;

/** The losses of {@code --loss}, named as Keras names them. */
enum LossName implements Choices.Named {
    MSE, MAE, HUBER, BINARY_CROSSENTROPY, CATEGORICAL_CROSSENTROPY, SPARSE_CATEGORICAL_CROSSENTROPY;

    @Override
    public String cliName() {
        return Choices.lower(this);
    }

    /** Whether the loss reads probabilities or logits ({@code --from-logits} applies). */
    boolean crossEntropy() {
        return this == BINARY_CROSSENTROPY || this == CATEGORICAL_CROSSENTROPY || this == SPARSE_CATEGORICAL_CROSSENTROPY;
    }

    /** picocli's conversion of the option's text. */
    static final class Converter implements CommandLine.ITypeConverter<LossName> {
        @Override
        public LossName convert(String value) {
            return Choices.parse(LossName.class, "loss", value);
        }
    }
}
