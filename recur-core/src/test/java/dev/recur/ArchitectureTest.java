package dev.recur;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dependencies flow one way (DESIGN.md): each package family {@code dev.recur.<family>} may use only the
 * families below it. Checked on the main sources of every module, by their imports and by fully
 * qualified names in code; comments and string literals do not count.
 */
class ArchitectureTest {

    /**
     * The layers, lowest first. A family may use the families it names and everything those may use;
     * a family must be declared after everything it names, so cycles cannot be written. Adding a
     * package is one line. Applications (modules on top of the library) may use every core family.
     */
    static final Layers LAYERS = new Layers()
            .layer("kernel")
            .layer("tensor", "kernel")
            .layer("autodiff", "tensor")
            .layer("nn", "autodiff")
            .layer("loss", "nn")
            .layer("optim", "nn")
            .layer("data", "tensor")
            .layer("io", "tensor")
            .layer("train", "loss", "optim", "data", "io")
            .layer("inference", "nn", "data")
            .layer("tasks", "train", "inference")
            .application("bench")
            .application("cli", "bench");

    /** Libraries that only the applications may use: recur-core stays free of them. */
    private static final List<String> APPLICATION_LIBRARIES = List.of("picocli", "org.openjdk.jmh");

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?\\s*;",
            Pattern.MULTILINE);
    private static final Pattern RECUR_NAME = Pattern.compile("\\bdev\\.recur\\.([a-z]\\w*)[\\w.]*");

    /** One main source file: its module directory, its path for messages, its text. */
    record Source(String module, String path, String text) {
    }

    // ---- the checks on the real sources ------------------------------------------------------

    @Test
    void dependenciesFlowOneWay() {
        List<String> problems = new ArrayList<>();
        for (Source s : mainSources()) {
            problems.addAll(LAYERS.violations(s));
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " dependency violations:\n" + String.join("\n", problems));
    }

    @Test
    void everyPackageHasAPackageInfo() {
        Set<String> missing = new TreeSet<>();
        for (Source s : mainSources()) {
            Path dir = Path.of(s.path()).getParent();
            if (!Files.exists(repoRoot().resolve(dir).resolve("package-info.java"))) {
                missing.add(dir + " has no package-info.java; add one saying what the package is for");
            }
        }
        assertTrue(missing.isEmpty(), () -> String.join("\n", missing));
    }

    @Test
    void theScanSeesTheWholeTree() {
        List<Source> sources = mainSources();
        Set<String> families = new TreeSet<>();
        for (Source s : sources) {
            families.add(Layers.family(packageOf(s)));
        }
        assertTrue(families.containsAll(Set.of("kernel", "tensor", "autodiff", "cli")), "families found: " + families);
        assertTrue(sources.stream().anyMatch(s -> s.path().equals("recur-core/src/main/java/dev/recur/tensor/Tensor.java")),
                "Tensor.java was not found under " + repoRoot());
    }

    // ---- the checker itself ------------------------------------------------------------------

    private static Source core(String family, String text) {
        return new Source("recur-core", "recur-core/src/main/java/dev/recur/" + family + "/Foo.java", text);
    }

    @Test
    void kernelMayNotImportTensor() {
        Source s = core("kernel", "package dev.recur.kernel;\nimport dev.recur.tensor.Tensor;\nclass Foo {}\n");
        assertEquals(List.of("recur-core/src/main/java/dev/recur/kernel/Foo.java imports dev.recur.tensor.Tensor:"
                + " dev.recur.kernel may use nothing else from dev.recur (dependencies flow one way, see DESIGN.md)"),
                LAYERS.violations(s));
    }

    @Test
    void lowerLayersAndTheOwnFamilyAreAllowed() {
        Source ops = core("autodiff/ops", """
                package dev.recur.autodiff.ops;
                import dev.recur.autodiff.Variable;
                import dev.recur.tensor.Tensor;
                import static dev.recur.kernel.Parallel.threads;
                import java.util.List;
                class Foo { dev.recur.kernel.Unary u; }
                """);
        assertEquals(List.of(), LAYERS.violations(ops));
        Source train = core("train", "package dev.recur.train;\nimport dev.recur.data.*;\nimport dev.recur.kernel.Backend;\n");
        assertEquals(List.of(), LAYERS.violations(train), "layers are transitive");
    }

    @Test
    void staticImportsAndQualifiedNamesCount() {
        Source s = core("tensor", """
                package dev.recur.tensor;
                import static dev.recur.autodiff.GradMode.noGrad;
                class Foo { Object v = new dev.recur.nn.Dense(); }
                """);
        assertEquals(List.of(
                "recur-core/src/main/java/dev/recur/tensor/Foo.java imports dev.recur.autodiff.GradMode.noGrad:"
                        + " dev.recur.tensor may use only [kernel] (dependencies flow one way, see DESIGN.md)",
                "recur-core/src/main/java/dev/recur/tensor/Foo.java uses dev.recur.nn.Dense:"
                        + " dev.recur.tensor may use only [kernel] (dependencies flow one way, see DESIGN.md)"),
                LAYERS.violations(s));
    }

    @Test
    void commentsAndStringsDoNotCount() {
        Source s = core("kernel", """
                package dev.recur.kernel;
                /** Used by {@link dev.recur.tensor.Tensor}.
                import dev.recur.nn.Layer; */
                class Foo { // see dev.recur.autodiff.Variable
                    String s = "dev.recur.nn.Lstm \\" dev.recur.train.Trainer";
                    String t = \"""
                        dev.recur.loss.Mse
                        \""";
                }
                """);
        assertEquals(List.of(), LAYERS.violations(s));
    }

    @Test
    void coreMayNotUseApplicationsOrTheirLibraries() {
        Source s = core("tensor", "package dev.recur.tensor;\nimport picocli.CommandLine;\nimport dev.recur.cli.Main;\n");
        assertEquals(List.of(
                "recur-core/src/main/java/dev/recur/tensor/Foo.java imports picocli.CommandLine:"
                        + " recur-core must not depend on picocli (only the applications may)",
                "recur-core/src/main/java/dev/recur/tensor/Foo.java imports dev.recur.cli.Main:"
                        + " dev.recur.tensor may use only [kernel] (dependencies flow one way, see DESIGN.md)"),
                LAYERS.violations(s));
        Source inCore = core("cli", "package dev.recur.cli;\nclass Foo {}\n");
        assertEquals(List.of("recur-core/src/main/java/dev/recur/cli/Foo.java is in package dev.recur.cli,"
                + " an application: it belongs in its own module, not in recur-core"), LAYERS.violations(inCore));
    }

    @Test
    void applicationsMayUseTheLibrary() {
        Source cli = new Source("recur-cli", "recur-cli/src/main/java/dev/recur/cli/Foo.java",
                "package dev.recur.cli;\nimport dev.recur.tasks.Forecast;\nimport dev.recur.bench.Gemm;\nimport picocli.CommandLine;\n");
        assertEquals(List.of(), LAYERS.violations(cli));
        Source bench = new Source("recur-bench", "recur-bench/src/main/java/dev/recur/bench/Foo.java",
                "package dev.recur.bench;\nimport dev.recur.cli.Main;\n");
        assertEquals(List.of("recur-bench/src/main/java/dev/recur/bench/Foo.java imports dev.recur.cli.Main:"
                + " dev.recur.bench may use only [autodiff, data, inference, io, kernel, loss, nn, optim, tasks, tensor, train]"
                + " (dependencies flow one way, see DESIGN.md)"), LAYERS.violations(bench));
    }

    @Test
    void anUnknownPackageNeedsALayer() {
        Source s = core("widgets", "package dev.recur.widgets;\nimport dev.recur.tensor.Tensor;\n");
        assertEquals(List.of("recur-core/src/main/java/dev/recur/widgets/Foo.java is in package dev.recur.widgets, which has no layer:"
                + " add one line to ArchitectureTest.LAYERS naming the packages it may use"), LAYERS.violations(s));
    }

    @Test
    void layersAreDeclaredBottomUp() {
        var e = assertThrows(IllegalStateException.class, () -> new Layers().layer("nn", "autodiff"));
        assertEquals("layer nn names autodiff, which must be declared before it", e.getMessage());
    }

    // ---- the rules ---------------------------------------------------------------------------

    /** Which families each family may use. */
    static final class Layers {
        private final Map<String, Set<String>> allowed = new LinkedHashMap<>();
        private final Set<String> applications = new TreeSet<>();

        /** A library family that may use {@code below} and everything they may use. */
        Layers layer(String family, String... below) {
            Set<String> uses = new TreeSet<>();
            for (String b : below) {
                Set<String> deeper = allowed.get(b);
                if (deeper == null) {
                    throw new IllegalStateException("layer " + family + " names " + b + ", which must be declared before it");
                }
                uses.add(b);
                uses.addAll(deeper);
            }
            allowed.put(family, uses);
            return this;
        }

        /** An application: it may use every library family declared so far, and the given applications. */
        Layers application(String family, String... others) {
            Set<String> uses = new TreeSet<>();
            allowed.forEach((f, u) -> {
                if (!applications.contains(f)) {
                    uses.add(f);
                }
            });
            layer(family, others);
            allowed.get(family).addAll(uses);
            applications.add(family);
            return this;
        }

        /** {@code dev.recur.tensor.ops} -> {@code tensor}; a name outside dev.recur -> empty. */
        static String family(String name) {
            if (!name.startsWith("dev.recur.")) {
                return "";
            }
            String rest = name.substring("dev.recur.".length());
            int dot = rest.indexOf('.');
            return dot < 0 ? rest : rest.substring(0, dot);
        }

        List<String> violations(Source s) {
            String code = stripCommentsAndStrings(s.text());
            String pkg = packageOf(s);
            String family = family(pkg);
            List<String> out = new ArrayList<>();
            Set<String> uses = allowed.get(family);
            if (uses == null) {
                out.add(s.path() + " is in package " + pkg + ", which has no layer: add one line to"
                        + " ArchitectureTest.LAYERS naming the packages it may use");
                return out;
            }
            if (s.module().equals("recur-core") && applications.contains(family)) {
                out.add(s.path() + " is in package " + pkg + ", an application: it belongs in its own module, not in recur-core");
                return out;
            }
            List<String> imports = new ArrayList<>();
            Matcher m = IMPORT.matcher(code);
            while (m.find()) {
                imports.add(m.group(1));
            }
            String body = IMPORT.matcher(PACKAGE.matcher(code).replaceAll("")).replaceAll("");
            List<String> qualified = new ArrayList<>();
            Matcher q = RECUR_NAME.matcher(body);
            while (q.find()) {
                qualified.add(q.group());
            }
            for (String imp : imports) {
                check(s, pkg, family, uses, "imports", imp, out);
            }
            for (String name : qualified) {
                check(s, pkg, family, uses, "uses", name, out);
            }
            return out;
        }

        private void check(Source s, String pkg, String family, Set<String> uses, String verb, String name, List<String> out) {
            if (s.module().equals("recur-core")) {
                for (String lib : APPLICATION_LIBRARIES) {
                    if (name.startsWith(lib + ".")) {
                        out.add(s.path() + " " + verb + " " + name + ": recur-core must not depend on " + lib
                                + " (only the applications may)");
                    }
                }
            }
            String target = family(name);
            if (!target.isEmpty() && !target.equals(family) && !uses.contains(target)) {
                out.add(s.path() + " " + verb + " " + name + ": " + pkg + " may use "
                        + (uses.isEmpty() ? "nothing else from dev.recur" : "only " + uses)
                        + " (dependencies flow one way, see DESIGN.md)");
            }
        }
    }

    /** The code with comments, string literals and text blocks blanked out. */
    static String stripCommentsAndStrings(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (text.startsWith("//", i)) {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && text.charAt(i) != c && text.charAt(i) != '\n') {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    static String packageOf(Source s) {
        Matcher m = PACKAGE.matcher(stripCommentsAndStrings(s.text()));
        return m.find() ? m.group(1) : "";
    }

    // ---- reading the tree --------------------------------------------------------------------

    /** The repository root: RECUR_ROOT (set by surefire), else the nearest ancestor holding recur-core. */
    static Path repoRoot() {
        String env = System.getenv("RECUR_ROOT");
        if (env != null && Files.isDirectory(Path.of(env, "recur-core"))) {
            return Path.of(env).toAbsolutePath();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("recur-core")) && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a directory holding recur-core) above "
                + Path.of("").toAbsolutePath() + "; set RECUR_ROOT");
    }

    /** Every .java file under {module}/src/main/java of every module at the root. */
    static List<Source> mainSources() {
        Path root = repoRoot();
        List<Source> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).sorted().toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                        String rel = root.relativize(f).toString().replace('\\', '/');
                        out.add(new Source(module.getFileName().toString(), rel, Files.readString(f)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the sources under " + root, e);
        }
        return out;
    }
}
