package dev.recur.autodiff;

import dev.recur.tensor.Tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reverse-mode sweep: orders the recorded functions topologically and runs their backward passes.
 *
 * <p>Leaves (parameters, inputs) keep their gradients and accumulate across sweeps. An
 * intermediate result only carries its gradient until its creator has passed it on; then it is
 * dropped, so that memory is freed early and a second sweep over the same graph does not count
 * the first sweep's intermediate gradients again.
 */
final class Backprop {

    private Backprop() {
    }

    static void run(Variable root, Tensor seed) {
        List<Function> order = topologicalOrder(root.creator());
        try {
            root.accumulateGrad(seed);
            for (Function f : order) {
                Variable[] outs = f.outputs();
                Tensor[] dOut = new Tensor[outs.length];
                boolean any = false;
                for (int i = 0; i < outs.length; i++) {
                    Tensor g = outs[i].gradOrNull();
                    any |= g != null;
                    dOut[i] = g != null ? g : Tensor.zeros(outs[i].value().dtype(), outs[i].value().shape());
                }
                if (any) {
                    f.backward(dOut);
                }
                clearGradients(f);
            }
        } finally {
            // after a failure too: stale intermediate gradients would corrupt the next sweep
            order.forEach(Backprop::clearGradients);
        }
    }

    private static void clearGradients(Function f) {
        for (Variable out : f.outputs()) {
            out.zeroGrad();
        }
    }

    /** Functions reachable from {@code last}, each before every function whose outputs it consumes. */
    static List<Function> topologicalOrder(Function last) {
        List<Function> postOrder = new ArrayList<>();
        if (last == null) {
            return postOrder;
        }
        Map<Function, Boolean> seen = new IdentityHashMap<>();
        // iterative depth-first search: graphs of long sequences are deeper than the call stack
        ArrayDeque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(last));
        seen.put(last, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Frame top = stack.peek();
            Variable[] in = top.function.inputs();
            if (top.nextInput < in.length) {
                Function c = in[top.nextInput++].creator();
                if (c != null && seen.put(c, Boolean.TRUE) == null) {
                    stack.push(new Frame(c));
                }
            } else {
                stack.pop();
                postOrder.add(top.function);
            }
        }
        Collections.reverse(postOrder);
        return postOrder;
    }

    /** A function on the search stack and the next input to visit. */
    private static final class Frame {
        final Function function;
        int nextInput;

        Frame(Function function) {
            this.function = function;
        }
    }
}
