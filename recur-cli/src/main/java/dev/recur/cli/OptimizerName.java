package dev.recur.cli;

import dev.recur.optim.Adagrad;
import dev.recur.optim.Adam;
import dev.recur.optim.AdamW;
import dev.recur.optim.OptimizerConfig;
import dev.recur.optim.RmsProp;
import dev.recur.optim.Sgd;
import picocli.CommandLine;

/** The optimizers of {@code --optimizer}, each with Keras's defaults; {@code --lr} replaces the default rate. */
enum OptimizerName implements Choices.Named {
    SGD, RMSPROP, ADAM, ADAMW, ADAGRAD;

    @Override
    public String cliName() {
        return Choices.lower(this);
    }

    /** The optimizer's configuration, with {@code learningRate} if not null. */
    OptimizerConfig config(Double learningRate) {
        return switch (this) {
            case SGD -> learningRate == null ? Sgd.defaults() : Sgd.defaults().withLearningRate(learningRate);
            case RMSPROP -> learningRate == null ? RmsProp.defaults() : RmsProp.defaults().withLearningRate(learningRate);
            case ADAM -> learningRate == null ? Adam.defaults() : Adam.defaults().withLearningRate(learningRate);
            case ADAMW -> learningRate == null ? AdamW.defaults() : AdamW.defaults().withLearningRate(learningRate);
            case ADAGRAD -> learningRate == null ? Adagrad.defaults() : Adagrad.defaults().withLearningRate(learningRate);
        };
    }

    /** picocli's conversion of the option's text. */
    static final class Converter implements CommandLine.ITypeConverter<OptimizerName> {
        @Override
        public OptimizerName convert(String value) {
            return Choices.parse(OptimizerName.class, "optimizer", value);
        }
    }
}
