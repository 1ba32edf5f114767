package dev.recur.nn;

/** Whether a layer is called for training (dropout active) or inference. */
public enum Mode {
    TRAIN,
    INFER
}
