package dev.recur.cli;

import dev.recur.data.series.CsvOptions.Imputation;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code --data FILE} and the CSV column options, shared by {@code train}, {@code evaluate} and
 * {@code predict}. A {@code .safetensors} file holds tensors {@code x} [samples, ...] and
 * {@code y} [samples, ...]; a {@code .csv} file has a header row and one sample per row.
 */
final class DataOptions {

    @Option(names = "--data", paramLabel = "FILE", required = true,
            description = "A .safetensors file with tensors x [samples, ...] and y [samples, ...], or a .csv file with a"
                    + " header row and one sample per row.")
    Path file;

    @Option(names = "--target", paramLabel = "COLUMN", split = ",",
            description = "CSV: the target column(s), e.g. --target price, or one-hot columns --target c0,c1,c2.")
    List<String> targets = List.of();

    @Option(names = "--features", paramLabel = "COLUMN", split = ",",
            description = "CSV: the input columns (default: every column but the targets).")
    List<String> features = List.of();

    @Option(names = "--impute", paramLabel = "HOW", converter = ImputeConverter.class,
            description = "CSV: what to do with an empty or NA value: none (an error), previous, linear or drop_row"
                    + " (default: none).")
    Imputation impute = Imputation.NONE;

    /** Reads the samples, with targets when {@code withTargets} (training, evaluation). */
    Dataset read(boolean withTargets) {
        return Dataset.read(file, targets, features, impute, withTargets);
    }

    /** --impute's names: the constants in lower case. */
    static final class ImputeConverter implements CommandLine.ITypeConverter<Imputation> {
        @Override
        public Imputation convert(String value) {
            for (Imputation i : Imputation.values()) {
                if (Choices.lower(i).equalsIgnoreCase(value.trim())) {
                    return i;
                }
            }
            throw new CommandLine.TypeConversionException("unknown imputation '" + value
                    + "'; choose one of none, previous, linear, drop_row");
        }
    }
}
