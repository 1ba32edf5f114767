package dev.recur.io;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The element types Recur reads and writes, with their safetensors codes. Other codes of the
 * format (F16, BF16, U8, BOOL, ...) are rejected by name when a file uses them.
 */
public enum SafeTensorsDType {
    F32("F32", ValueLayout.JAVA_FLOAT_UNALIGNED, 17),
    F64("F64", ValueLayout.JAVA_DOUBLE_UNALIGNED, 19),
    I32("I32", ValueLayout.JAVA_INT_UNALIGNED, 15),
    I64("I64", ValueLayout.JAVA_LONG_UNALIGNED, 20);

    private final String code;
    private final ValueLayout layout;
    private final int order;

    /**
     * @param order position in the Python package's {@code Dtype} enum (safetensors 0.8): its
     *              writer lays tensors out by this order descending, then by name.
     */
    SafeTensorsDType(String code, ValueLayout layout, int order) {
        this.code = code;
        this.layout = layout.withOrder(ByteOrder.LITTLE_ENDIAN);
        this.order = order;
    }

    /** The code in the file header, such as {@code "F32"}. */
    public String code() {
        return code;
    }

    /** Bytes per element. */
    public int bytes() {
        return (int) layout.byteSize();
    }

    /** Little-endian, unaligned layout of one element, for copies between files and arrays. */
    ValueLayout layout() {
        return layout;
    }

    /** Rank in the Python writer's layout order (higher comes first). */
    int order() {
        return order;
    }

    /** The type with this header code, or null if Recur does not read it. */
    static SafeTensorsDType fromCode(String code) {
        for (SafeTensorsDType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        return null;
    }

    /** The supported codes, for error messages: {@code "F32, F64, I32, I64"}. */
    static String supported() {
        return Arrays.stream(values()).map(SafeTensorsDType::code).collect(Collectors.joining(", "));
    }
}
