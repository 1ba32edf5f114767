package dev.recur.tasks.classify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accuracy, precision, recall, F1 and the confusion matrix of predicted against true classes.
 * With two classes precision, recall and F1 are those of the positive class (the second label
 * in sorted order, e.g. {@code "1"} or {@code "pos"}), as scikit-learn's {@code average="binary"};
 * with more, their unweighted mean over classes ({@code average="macro"}). A class never
 * predicted has precision 0 (scikit-learn's {@code zero_division=0}).
 *
 * @param labels    the class names, index order
 * @param confusion {@code confusion[true][predicted]} counts
 */
public record ClassificationReport(List<String> labels, long[][] confusion) {

    public ClassificationReport {
        labels = List.copyOf(labels);
        if (confusion.length != labels.size()) {
            throw new IllegalArgumentException("ClassificationReport: " + labels.size() + " labels but a " + confusion.length
                    + "-row confusion matrix");
        }
    }

    /** The report of {@code predicted} against {@code actual} class indices. */
    public static ClassificationReport of(List<String> labels, int[] actual, int[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("ClassificationReport: " + actual.length + " true classes but "
                    + predicted.length + " predictions");
        }
        long[][] c = new long[labels.size()][labels.size()];
        for (int i = 0; i < actual.length; i++) {
            c[actual[i]][predicted[i]]++;
        }
        return new ClassificationReport(labels, c);
    }

    public long total() {
        long n = 0;
        for (long[] row : confusion) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    public double accuracy() {
        long right = 0;
        for (int i = 0; i < confusion.length; i++) {
            right += confusion[i][i];
        }
        return total() == 0 ? 0 : (double) right / total();
    }

    /** Of the samples predicted as class k, the fraction that are k. */
    public double precision(int k) {
        long predicted = 0;
        for (long[] row : confusion) {
            predicted += row[k];
        }
        return predicted == 0 ? 0 : (double) confusion[k][k] / predicted;
    }

    /** Of the samples of class k, the fraction predicted as k. */
    public double recall(int k) {
        long actual = 0;
        for (long v : confusion[k]) {
            actual += v;
        }
        return actual == 0 ? 0 : (double) confusion[k][k] / actual;
    }

    public double f1(int k) {
        double p = precision(k);
        double r = recall(k);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double precision() {
        return average(0);
    }

    public double recall() {
        return average(1);
    }

    public double f1() {
        return average(2);
    }

    private double average(int which) {
        if (labels.size() == 2) {
            return metric(which, 1);
        }
        double sum = 0;
        for (int k = 0; k < labels.size(); k++) {
            sum += metric(which, k);
        }
        return sum / labels.size();
    }

    private double metric(int which, int k) {
        return switch (which) {
            case 0 -> precision(k);
            case 1 -> recall(k);
            default -> f1(k);
        };
    }

    /** The keys {@code accuracy}, {@code precision}, {@code recall}, {@code f1}, {@code confusion}, {@code labels}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy());
        m.put("precision", precision());
        m.put("recall", recall());
        m.put("f1", f1());
        m.put("confusion", confusion);
        m.put("labels", labels);
        m.put("samples", total());
        return m;
    }

    /** A table for people: the metrics, then the confusion matrix with true classes as rows. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        String avg = labels.size() == 2 ? " (positive class \"" + labels.get(1) + "\")" : " (macro average)";
        s.append(String.format("samples   %d%n", total()));
        s.append(String.format("accuracy  %.4f%n", accuracy()));
        s.append(String.format("precision %.4f%s%n", precision(), avg));
        s.append(String.format("recall    %.4f%n", recall()));
        s.append(String.format("f1        %.4f%n", f1()));
        int w = Math.max(8, labels.stream().mapToInt(String::length).max().orElse(0) + 2);
        s.append("confusion (rows: true, columns: predicted)\n").append(" ".repeat(w));
        for (String l : labels) {
            s.append(String.format("%" + w + "s", l));
        }
        s.append('\n');
        for (int i = 0; i < labels.size(); i++) {
            s.append(String.format("%" + w + "s", labels.get(i)));
            for (long v : confusion[i]) {
                s.append(String.format("%" + w + "d", v));
            }
            s.append('\n');
        }
        return s.toString();
    }
}
