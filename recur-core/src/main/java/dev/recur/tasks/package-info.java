/**
 * Tasks: complete recipes built on training and inference, one sub-package per task (data files
 * to a trained, saved, reloadable model and its evaluation).
 *
 * <ul>
 *   <li>{@link dev.recur.tasks.classify}: text classification (sentiment on IMDB reviews).</li>
 * </ul>
 */
package dev.recur.tasks;
