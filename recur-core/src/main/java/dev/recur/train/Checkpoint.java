package dev.recur.train;

import dev.recur.data.ConfigReader;
import dev.recur.io.SafeTensors;
import dev.recur.io.SafeTensorsFile;
import dev.recur.io.SafeTensorsWriter;
import dev.recur.nn.Model;
import dev.recur.optim.Optimizer;
import dev.recur.tensor.Tensor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training checkpoint: a model file ({@link ModelFile}) plus what a killed run needs to continue
 * bit for bit: the optimizer's state (tensors {@code @optimizer/<key>}), each callback's state
 * ({@code @callback/<index>/<key>}), the state stateful recurrent layers carry into the next batch
 * ({@code @state/<layer>/h}, {@code @state/<layer>/c}; see {@link RecurrentStates}), and the progress as JSON in the metadata key
 * {@value #PROGRESS_KEY}: the epoch and the steps done in it, the epoch's running sums, the
 * history so far, and the facts of the run that must not change on resume (sample counts, batch
 * size, shuffling, seed, a fingerprint of the data). Random streams need no state: they derive
 * from the seed and the epoch and batch counters ({@link RandomStreams}). Written atomically.
 */
final class Checkpoint {

    static final String PROGRESS_KEY = "recur.progress";
    static final String FORMAT = "recur.checkpoint";
    static final int VERSION = 1;
    private static final String OPTIMIZER = ModelFile.INTERNAL_PREFIX + "optimizer/";
    private static final String CALLBACK = ModelFile.INTERNAL_PREFIX + "callback/";
    private static final String STATE = ModelFile.INTERNAL_PREFIX + "state/";

    /**
     * Where a run stands.
     *
     * @param epoch      the epoch to continue in (0-based); equal to the number of epochs when done
     * @param step       steps of that epoch already done
     * @param running    the epoch's running sums ({@link MeanTracker#state()})
     * @param history    the finished epochs' logs
     * @param stopReason why the run stopped early, or null
     */
    record Progress(int epoch, int step, Map<String, List<Double>> running, List<Map<String, Double>> history,
                    String stopReason) {
    }

    private final SafeTensorsFile file;
    private final Progress progress;
    private final Map<String, String> run;
    private final List<String> callbacks;

    private Checkpoint(SafeTensorsFile file, Progress progress, Map<String, String> run, List<String> callbacks) {
        this.file = file;
        this.progress = progress;
        this.run = run;
        this.callbacks = callbacks;
    }

    Progress progress() {
        return progress;
    }

    /** Writes a checkpoint atomically: the previous one stays whole until the new one is complete. */
    static void write(Path path, Model model, Optimizer optimizer, List<Callback> callbacks, Progress progress,
                      Map<String, String> run, ModelFile.Provenance provenance) {
        SafeTensorsWriter w = ModelFile.writer(model, provenance, ModelFile.KIND_CHECKPOINT);
        optimizer.state().forEach((key, t) -> w.put(OPTIMIZER + key, t));
        RecurrentStates.of(model).statefulCarried().forEach((key, t) -> w.put(STATE + key, t));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < callbacks.size(); i++) {
            Callback c = callbacks.get(i);
            names.add(c.getClass().getName());
            String prefix = CALLBACK + i + "/";
            c.state().forEach((key, t) -> w.put(prefix + key, t));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("version", VERSION);
        json.put("epoch", progress.epoch());
        json.put("step", progress.step());
        json.put("running", progress.running());
        json.put("history", progress.history());
        json.put("stop_reason", progress.stopReason());
        json.put("run", run);
        json.put("callbacks", names);
        w.putMetadata(PROGRESS_KEY, Json.write(json));
        w.write(path);
    }

    /** Reads a checkpoint; {@code directory} holds {@value FitOptions.Checkpointing#FILE_NAME}. */
    static Checkpoint read(Path directory) {
        Path path = directory.resolve(FitOptions.Checkpointing.FILE_NAME);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("resumeFrom: there is no checkpoint " + path + ". Possible cause: the run"
                    + " was stopped before its first checkpoint, or checkpoints went to another directory; start without"
                    + " resuming, or point to the directory given to withCheckpoints");
        }
        SafeTensorsFile file = SafeTensors.read(path);
        String text = file.metadata().get(PROGRESS_KEY);
        if (text == null || !ModelFile.KIND_CHECKPOINT.equals(file.metadata().get(ModelFile.KIND_KEY))) {
            throw ModelFile.invalid(path, "it is not a training checkpoint (no " + PROGRESS_KEY + " metadata). Possible"
                    + " cause: a model file saved with ModelFile.save, which holds weights only");
        }
        try {
            ConfigReader r = new ConfigReader("Cannot load " + path + ": checkpoint progress",
                    Json.readObject(text, "the checkpoint progress"));
            r.requireFormat(FORMAT, VERSION);
            Map<String, Object> json = Json.readObject(text, "the checkpoint progress");
            Progress progress = new Progress(r.integer("epoch"), r.integer("step"), running(json.get("running")),
                    history(json.get("history")), r.optionalString("stop_reason"));
            Map<String, String> run = new LinkedHashMap<>();
            ((Map<?, ?>) json.get("run")).forEach((k, v) -> run.put((String) k, (String) v));
            return new Checkpoint(file, progress, run, r.strings("callbacks"));
        } catch (ClassCastException | NullPointerException e) {
            throw ModelFile.invalid(path, "its progress metadata is damaged (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw ModelFile.invalid(path, e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Double>> running(Object json) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        ((Map<String, List<Object>>) json).forEach((k, v) -> out.put(k, List.of(number(v.get(0)), number(v.get(1)))));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Double>> history(Object json) {
        List<Map<String, Double>> out = new ArrayList<>();
        for (Map<String, Object> epoch : (List<Map<String, Object>>) json) {
            Map<String, Double> logs = new LinkedHashMap<>();
            epoch.forEach((k, v) -> logs.put(k, number(v)));
            out.add(logs);
        }
        return out;
    }

    /** A number; Gson reads the NaN and infinities it writes for non-finite values back as strings. */
    private static double number(Object v) {
        if (v instanceof String s && (s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity"))) {
            return Double.parseDouble(s);
        }
        return ((Number) v).doubleValue();
    }

    /**
     * Puts the checkpoint's weights and optimizer state into this run, after checking that the run
     * is the same (same model, data, options and callbacks); returns each callback's state, to be
     * given back after {@link Callback#onTrainBegin}.
     */
    List<Map<String, Tensor>> restore(Model model, Optimizer optimizer, List<Callback> runCallbacks,
                                      Map<String, String> thisRun, int epochs) {
        Path path = file.path();
        for (var e : thisRun.entrySet()) {
            String then = run.get(e.getKey());
            if (!e.getValue().equals(then)) {
                throw new IllegalArgumentException("resumeFrom " + path + ": the checkpoint's run had " + e.getKey() + " = "
                        + then + " but this run has " + e.getValue() + ". A run resumes only with the data and options it"
                        + " started with (epochs may grow); start a new run to change them");
            }
        }
        String spec = ModelFile.configJson(model);
        String stored = file.metadata().get(SafeTensors.CONFIG_KEY);
        if (!spec.equals(stored)) {
            throw new IllegalArgumentException("resumeFrom " + path + ": the checkpoint holds another model (" + stored
                    + ") than this run's (" + spec + ")");
        }
        List<String> names = runCallbacks.stream().map(c -> c.getClass().getName()).toList();
        if (!names.equals(callbacks)) {
            throw new IllegalArgumentException("resumeFrom " + path + ": the checkpoint's run had callbacks " + callbacks
                    + " but this run has " + names + "; pass the same callbacks in the same order, so that their state"
                    + " (patience counters, best values) carries over");
        }
        if (progress.epoch() > epochs) {
            throw new IllegalArgumentException("resumeFrom " + path + ": the checkpoint is at epoch " + progress.epoch()
                    + " but this run has only " + epochs + " epochs; give at least " + progress.epoch());
        }
        Map<String, Tensor> optimizerState = new LinkedHashMap<>();
        Map<String, Tensor> carried = new LinkedHashMap<>();
        List<Map<String, Tensor>> callbackStates = new ArrayList<>();
        runCallbacks.forEach(c -> callbackStates.add(new LinkedHashMap<>()));
        for (String name : file.names()) {
            if (name.startsWith(OPTIMIZER)) {
                optimizerState.put(name.substring(OPTIMIZER.length()), file.tensor(name));
            } else if (name.startsWith(STATE)) {
                carried.put(name.substring(STATE.length()), file.tensor(name));
            } else if (name.startsWith(CALLBACK)) {
                String rest = name.substring(CALLBACK.length());
                int slash = rest.indexOf('/');
                int index = slash < 0 ? -1 : parseIndex(rest.substring(0, slash));
                if (index < 0 || index >= runCallbacks.size()) {
                    throw ModelFile.invalid(path, "tensor '" + name + "' belongs to no callback of the run");
                }
                callbackStates.get(index).put(rest.substring(slash + 1), file.tensor(name));
            }
        }
        try {
            optimizer.loadState(optimizerState); // checks everything before it changes anything
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("resumeFrom " + path + ": " + e.getMessage(), e);
        }
        ModelFile.copyWeights(file, model, model.spec());
        RecurrentStates.of(model).restore(carried, "resumeFrom " + path);
        return callbackStates;
    }

    private static int parseIndex(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
