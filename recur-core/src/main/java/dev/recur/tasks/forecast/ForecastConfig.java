package dev.recur.tasks.forecast;

import com.google.gson.Gson;
import com.google.gson.JsonSyntaxException;
import dev.recur.data.ConfigReader;
import dev.recur.data.series.Scaler;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link Forecaster} needs besides its model, saved with it: which column it forecasts,
 * from how many steps, how far, and how the values were transformed for the model.
 *
 * @param column     the forecast column's name in the CSV file
 * @param window     steps the model reads (differences, when {@code difference})
 * @param horizon    steps it forecasts
 * @param season     the period of the seasonal-naive baseline it was compared with (1: naive)
 * @param difference whether the model works on the lag-1 differences {@code x[t] - x[t-1]}
 *                   (forecasts are summed back onto the last value); it then reads {@code window + 1} values
 * @param scaler     the scaling of the model's inputs and outputs, fitted on the training part only
 */
public record ForecastConfig(String column, int window, int horizon, int season, boolean difference, Scaler scaler) {

    /** The {@link dev.recur.train.ModelFile} attachment holding this configuration. */
    public static final String ATTACHMENT = "forecast";
    private static final String FORMAT = "recur.forecast";
    private static final int VERSION = 1;

    public ForecastConfig {
        if (column == null || window < 1 || horizon < 1 || season < 1 || scaler == null || scaler.features() != 1) {
            throw new IllegalArgumentException("ForecastConfig: needs a column name, window, horizon and season of at"
                    + " least 1 and a scaler of one feature; got column=" + column + ", window=" + window + ", horizon="
                    + horizon + ", season=" + season + ", scaler=" + scaler);
        }
    }

    /** Values of the series the model needs to forecast: {@code window}, plus one when differencing. */
    public int context() {
        return window + (difference ? 1 : 0);
    }

    /** The configuration as JSON, for the model file. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        m.put("column", column);
        m.put("window", window);
        m.put("horizon", horizon);
        m.put("season", season);
        m.put("difference", difference);
        m.put("scaler", scaler.toConfig());
        return new Gson().toJson(m);
    }

    /** The configuration from {@link #toJson()}; every key is checked. */
    public static ForecastConfig fromJson(String json) {
        Map<?, ?> raw;
        try {
            raw = new Gson().fromJson(json, Map.class);
        } catch (JsonSyntaxException e) {
            throw new IllegalArgumentException("forecast config: not valid JSON (" + e.getMessage() + ")", e);
        }
        if (raw == null) {
            throw new IllegalArgumentException("forecast config: empty; expected a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> map = (Map<String, ?>) raw;
        ConfigReader r = new ConfigReader("forecast config", map);
        r.requireFormat(FORMAT, VERSION);
        if (!(map.get("scaler") instanceof Map<?, ?> scaler)) {
            throw r.error("\"scaler\" must be a JSON object (a fitted scaler), got " + map.get("scaler"));
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> scalerMap = (Map<String, ?>) scaler;
        return new ForecastConfig(r.string("column"), r.integer("window"), r.integer("horizon"), r.integer("season"),
                r.bool("difference"), Scaler.fromConfig(scalerMap));
    }
}
