package dev.courier.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
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
 * Finds dependency loops between the source files of a source tree. File {@code A} depends on file
 * {@code B} when {@code A} imports {@code B} or a member of it (static imports and nested types
 * included), names {@code B} by its qualified name, or names {@code B}'s simple name while both are in
 * one package and no single-type import of {@code A} takes that name. A loop is a strongly connected
 * component of more than one file, found with an iterative Tarjan walk.
 *
 * <p>Comments, string and character literals and text blocks are ignored; {@code package-info.java}
 * and {@code module-info.java} are not files of the graph. A file counts as the type it is named for:
 * other top-level types in it are not seen. Immutable once read, so safe to share between threads.
 */
public final class SourceLoops {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile(
            "^\\s*import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;", Pattern.MULTILINE);
    private static final Pattern TYPE_NAME = Pattern.compile("(?<![\\w.])[A-Z]\\w*");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("(?<![\\w.])[a-z]\\w*(?:\\s*\\.\\s*\\w+)+");
    private static final Pattern COMMENTS_AND_LITERALS = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|\"\"\".*?(?<!\\\\)\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])+'",
            Pattern.DOTALL);

    private final Map<String, Set<String>> dependencies;

    private SourceLoops(Map<String, String> sourcesByType) {
        Map<String, Set<String>> typesByPackage = new HashMap<>();
        for (String type : sourcesByType.keySet()) {
            typesByPackage.computeIfAbsent(packageOf(type), p -> new TreeSet<>()).add(simpleName(type));
        }
        Map<String, Set<String>> graph = new TreeMap<>();
        sourcesByType.forEach((type, source) -> graph.put(type,
                dependenciesOf(type, code(source), sourcesByType.keySet(), typesByPackage)));
        this.dependencies = graph;
    }

    /** Reads every {@code .java} file below {@code sourceRoot} (a {@code src/main/java} folder). */
    public static SourceLoops of(Path sourceRoot) {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList())) {
                String name = file.getFileName().toString();
                if (name.equals("package-info.java") || name.equals("module-info.java")) {
                    continue;
                }
                String source = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(code(source));
                String prefix = pkg.find() ? pkg.group(1) + "." : "";
                sources.put(prefix + name.substring(0, name.length() - ".java".length()), source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sources under " + sourceRoot.toAbsolutePath(), e);
        }
        return new SourceLoops(sources);
    }

    /** The number of files read. */
    public int files() {
        return dependencies.size();
    }

    /** The files {@code type}'s file depends on, by qualified type name, sorted; empty for an unknown type. */
    public Set<String> dependenciesOf(String type) {
        return Set.copyOf(dependencies.getOrDefault(type, Set.of()));
    }

    /** Every loop, each as the sorted names of its files, largest first. */
    public List<List<String>> loops() {
        List<List<String>> loops = new ArrayList<>();
        new Tarjan().run(loops);
        loops.sort(Comparator.<List<String>>comparingInt(List::size).reversed().thenComparing(Object::toString));
        return loops;
    }

    /** The number of files that are in some loop. */
    public int filesInLoops() {
        return loops().stream().mapToInt(List::size).sum();
    }

    /**
     * The loops found that are not in {@code accepted}, each described by its files and the dependencies
     * that hold it together ({@link #describe}); empty when every loop is accepted.
     */
    public List<String> unacceptedLoops(Collection<List<String>> accepted) {
        return loops().stream().filter(loop -> !accepted.contains(loop)).map(this::describe)
                .collect(Collectors.toList());
    }

    /** The loops in {@code accepted} that are no longer found exactly so: the list is to shrink. */
    public List<List<String>> vanishedLoops(Collection<List<String>> accepted) {
        List<List<String>> found = loops();
        return accepted.stream().filter(loop -> !found.contains(loop)).collect(Collectors.toList());
    }

    /**
     * One line per file of {@code loop}: {@code "a.A -> [b.B]"}, listing only the dependencies within the
     * loop, after a heading with the loop's size.
     */
    public String describe(List<String> loop) {
        StringBuilder text = new StringBuilder("loop of " + loop.size() + " files:");
        for (String type : loop) {
            Set<String> within = new TreeSet<>(dependencies.getOrDefault(type, Set.of()));
            within.retainAll(loop);
            text.append("\n  ").append(type).append(" -> ").append(within);
        }
        return text.toString();
    }

    private static Set<String> dependenciesOf(String type, String code, Set<String> types,
            Map<String, Set<String>> typesByPackage) {
        Set<String> targets = new TreeSet<>();
        Set<String> importedNames = new HashSet<>();
        Set<String> wildcardPackages = new HashSet<>();
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            String name = imports.group(2);
            boolean wildcard = imports.group(3) != null;
            if (wildcard && imports.group(1) == null && typesByPackage.containsKey(name)) {
                wildcardPackages.add(name);
                continue;
            }
            if (!wildcard) {
                importedNames.add(simpleName(name));
            }
            resolve(name, types).ifPresent(targets::add);
        }
        String body = IMPORT.matcher(PACKAGE.matcher(code).replaceAll(" ")).replaceAll(" ");
        Matcher qualified = QUALIFIED_NAME.matcher(body);
        while (qualified.find()) {
            resolve(qualified.group().replaceAll("\\s", ""), types).ifPresent(targets::add);
        }
        Set<String> words = new HashSet<>();
        Matcher names = TYPE_NAME.matcher(body);
        while (names.find()) {
            words.add(names.group());
        }
        String own = packageOf(type);
        for (String sibling : typesByPackage.getOrDefault(own, Set.of())) {
            if (words.contains(sibling) && !importedNames.contains(sibling)) {
                targets.add(qualify(own, sibling));
            }
        }
        for (String pkg : wildcardPackages) {
            for (String member : typesByPackage.get(pkg)) {
                if (words.contains(member) && !importedNames.contains(member)) {
                    targets.add(qualify(pkg, member));
                }
            }
        }
        targets.remove(type);
        return targets;
    }

    /** The source with comments and literals blanked out (line breaks kept, so anchors still match). */
    private static String code(String source) {
        Matcher m = COMMENTS_AND_LITERALS.matcher(source);
        StringBuilder out = new StringBuilder(source.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group().replaceAll("[^\\n]", " ")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The longest prefix of {@code name} that is a type of the tree: {@code a.B.C} and {@code a.B.m} give
     * {@code a.B}.
     */
    private static Optional<String> resolve(String name, Set<String> types) {
        for (String candidate = name; candidate.contains("."); candidate = packageOf(candidate)) {
            if (types.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String qualify(String pkg, String simpleName) {
        return pkg.isEmpty() ? simpleName : pkg + "." + simpleName;
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
                        loops.add(List.copyOf(component));
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
