package dev.recur.nn.graph;

import dev.recur.autodiff.Variable;
import dev.recur.nn.Masked;

import java.util.Arrays;
import java.util.List;

/** Keras's {@code Add}: the elementwise sum of inputs of one shape; the output mask is the inputs' masks and-ed. */
public final class Add extends Merge {

    public Add() {
        super("add");
    }

    @Override
    public String type() {
        return "Add";
    }

    @Override
    int[] outputShape(List<int[]> shapes) {
        for (int[] s : shapes) {
            if (!Arrays.equals(s, shapes.getFirst())) {
                throw new IllegalArgumentException("Add layer " + name() + " needs inputs of one shape but received "
                        + shapes(shapes));
            }
        }
        return shapes.getFirst().clone();
    }

    @Override
    Masked merge(List<Masked> inputs) {
        Variable sum = inputs.getFirst().value();
        for (int i = 1; i < inputs.size(); i++) {
            sum = sum.add(inputs.get(i).value());
        }
        return new Masked(sum, andMasks(inputs));
    }

    @Override
    public String spec() {
        return specOf();
    }
}
