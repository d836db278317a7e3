package dev.courier.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds dependency loops between the source files of a source tree: file {@code A} depends on file
 * {@code B} when {@code A} imports {@code B} (or a member of it) or names {@code B}'s simple name
 * while both are in one package. A loop is a strongly connected component of more than one file.
 *
 * <p>Comments and string literals are ignored; {@code package-info.java} and {@code module-info.java}
 * are not files of the graph. Not thread-safe: make one per tree.
 */
public final class SourceLoops {

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)(?:\\.\\*)?;",
            Pattern.MULTILINE);
    private static final Pattern TYPE_NAME = Pattern.compile("\\b[A-Z]\\w*\\b");
    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\])*\"", Pattern.DOTALL);

    private final Map<String, Set<String>> dependencies = new TreeMap<>();

    private SourceLoops(Map<String, String> sourcesByType) {
        Map<String, Set<String>> typesByPackage = new HashMap<>();
        for (String type : sourcesByType.keySet()) {
            typesByPackage.computeIfAbsent(packageOf(type), p -> new HashSet<>()).add(simpleName(type));
        }
        sourcesByType.forEach((type, source) -> {
            String body = COMMENTS_AND_STRINGS.matcher(source).replaceAll(" ");
            Set<String> targets = new TreeSet<>();
            Matcher imports = IMPORT.matcher(body);
            while (imports.find()) {
                resolveImport(imports.group(1), sourcesByType.keySet()).ifPresent(targets::add);
            }
            Set<String> words = new HashSet<>();
            Matcher names = TYPE_NAME.matcher(body);
            while (names.find()) {
                words.add(names.group());
            }
            for (String sibling : typesByPackage.get(packageOf(type))) {
                if (words.contains(sibling)) {
                    targets.add(packageOf(type) + "." + sibling);
                }
            }
            targets.remove(type);
            dependencies.put(type, targets);
        });
    }

    /** Reads every {@code .java} file below {@code sourceRoot} (a {@code src/main/java} folder). */
    public static SourceLoops of(Path sourceRoot) {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList())) {
                String name = file.getFileName().toString();
                if (name.equals("package-info.java") || name.equals("module-info.java")) {
                    continue;
                }
                String source = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(source);
                String prefix = pkg.find() ? pkg.group(1) + "." : "";
                sources.put(prefix + name.substring(0, name.length() - ".java".length()), source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sources under " + sourceRoot, e);
        }
        return new SourceLoops(sources);
    }

    /** The number of files read. */
    public int files() {
        return dependencies.size();
    }

    /** Every loop, each as the sorted names of its files, largest first. */
    public List<List<String>> loops() {
        List<List<String>> loops = new ArrayList<>();
        new Tarjan().run(loops);
        loops.sort(Comparator.<List<String>>comparingInt(List::size).reversed().thenComparing(Object::toString));
        return loops;
    }

    private static Optional<String> resolveImport(String name, Set<String> types) {
        for (String candidate = name; candidate.contains("."); candidate = packageOf(candidate)) {
            if (types.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String packageOf(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? "" : type.substring(0, dot);
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** Iterative Tarjan's strongly connected components, so deep graphs need no deep stack. */
    private final class Tarjan {
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private int next;

        void run(List<List<String>> loops) {
            for (String start : dependencies.keySet()) {
                if (!index.containsKey(start)) {
                    visit(start, loops);
                }
            }
        }

        private void visit(String start, List<List<String>> loops) {
            Deque<Map.Entry<String, Iterator<String>>> work = new ArrayDeque<>();
            enter(start, work);
            while (!work.isEmpty()) {
                Map.Entry<String, Iterator<String>> top = work.peek();
                String node = top.getKey();
                if (top.getValue().hasNext()) {
                    String next = top.getValue().next();
                    if (!index.containsKey(next)) {
                        enter(next, work);
                    } else if (onStack.contains(next)) {
                        low.put(node, Math.min(low.get(node), index.get(next)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = work.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(node)));
                }
                if (low.get(node).equals(index.get(node))) {
                    List<String> component = new ArrayList<>();
                    String member;
                    do {
                        member = stack.pop();
                        onStack.remove(member);
                        component.add(member);
                    } while (!member.equals(node));
                    if (component.size() > 1) {
                        component.sort(Comparator.naturalOrder());
                        loops.add(component);
                    }
                }
            }
        }

        private void enter(String node, Deque<Map.Entry<String, Iterator<String>>> work) {
            index.put(node, next);
            low.put(node, next);
            next++;
            stack.push(node);
            onStack.add(node);
            work.push(Map.entry(node, dependencies.getOrDefault(node, Set.of()).iterator()));
        }
    }
}
