package dev.recur.io;

import java.util.Arrays;

/**
 * One tensor as the header describes it.
 *
 * @param shape dimensions as written in the file (not yet known to fit a Java array)
 * @param begin first byte in the data buffer (after the header)
 * @param end   one past the last byte
 */
record TensorEntry(String name, SafeTensorsDType dtype, long[] shape, long begin, long end) {

    /** Number of elements, or -1 if the element count or its size in bytes overflows a long. */
    long elementCountOrOverflow() {
        long n = 1;
        try {
            for (long d : shape) {
                n = Math.multiplyExact(n, d);
            }
            Math.multiplyExact(n, (long) dtype.bytes());
            return n;
        } catch (ArithmeticException overflow) {
            return -1;
        }
    }

    String shapeString() {
        return Arrays.toString(shape);
    }

    String offsetsString() {
        return "[" + begin + ", " + end + "]";
    }
}
