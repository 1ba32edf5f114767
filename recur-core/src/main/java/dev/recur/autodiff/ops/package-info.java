/**
 * The primitive differentiable operations, one class each, forward and backward side by side with
 * the gradient equation in a one-line comment. Each is gradient-checked in float64.
 */
package dev.recur.autodiff.ops;
