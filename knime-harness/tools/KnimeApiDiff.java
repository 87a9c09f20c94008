import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.lang.model.element.Modifier;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WildcardTree;
import com.sun.source.util.JavacTask;

/**
 * Compares the KNIME API harness with real KNIME sources, member by member, from the source text alone (javac's
 * parser, no type attribution, so neither side needs its dependencies).
 *
 * <p>For every type under the harness source root that a KNIME source root also holds, it reports: a different kind,
 * modifiers, type parameters or supertypes; every non-private harness member (field, constructor, method, nested
 * type; implicit default constructors included) that KNIME does not declare in that type, or declares with a
 * different return/field type, parameter types, varargs, type parameters, modifiers or thrown exceptions; and every
 * abstract KNIME method the harness type lacks (code implementing the harness type would not compile against
 * KNIME). A harness type missing from a package the KNIME sources hold is a difference; a harness package no KNIME
 * root holds (e.g. org.knime.chem.types when only knime-core is given) is listed as without source, not compared.
 * Package-private and private harness members are the stand-in's own plumbing, invisible to code in other packages,
 * and are not compared. Exit status 1 when any difference is found.
 *
 * <p>Usage: {@code java KnimeApiDiff.java <harness-src-root> <knime-src-root>...}
 */
public final class KnimeApiDiff {

    public static void main(final String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java KnimeApiDiff.java <harness-src-root> <knime-src-root>...");
            System.exit(2);
        }
        Path harnessRoot = Path.of(args[0]);
        List<Path> knimeRoots = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            knimeRoots.add(Path.of(args[i]));
        }
        List<Path> harnessFiles;
        try (Stream<Path> s = Files.walk(harnessRoot)) {
            harnessFiles = s.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        List<String> differences = new ArrayList<>();
        List<String> noSource = new ArrayList<>();
        int compared = 0;
        for (Path hf : harnessFiles) {
            Path rel = harnessRoot.relativize(hf);
            Path kf = null;
            for (Path root : knimeRoots) {
                if (Files.isRegularFile(root.resolve(rel))) {
                    kf = root.resolve(rel);
                    break;
                }
            }
            String name = rel.toString().replace(".java", "").replace('/', '.');
            if (kf == null) {
                Path pkg = rel.getParent();
                if (knimeRoots.stream().anyMatch(r -> Files.isDirectory(r.resolve(pkg)))) {
                    differences.add(name + ": type not in KNIME (its package is)");
                } else {
                    noSource.add(name);
                }
                continue;
            }
            Map<String, TypeInfo> harness = parse(hf, List.of(harnessRoot));
            Map<String, TypeInfo> knime = parse(kf, knimeRoots);
            for (TypeInfo h : harness.values()) {
                if (h.nested && !isApi(h.modifiers)) {
                    continue;
                }
                compared++;
                compareType(h, knime.get(h.name), differences);
            }
        }
        for (String d : differences) {
            System.out.println("DIFF " + d);
        }
        for (String n : noSource) {
            System.out.println("NO-KNIME-SOURCE " + n);
        }
        System.out.println("types compared: " + compared + ", differences: " + differences.size()
                + ", harness files without KNIME source: " + noSource.size());
        System.exit(differences.isEmpty() ? 0 : 1);
    }

    // ---------------------------------------------------------------------------------------------- comparison

    private static void compareType(final TypeInfo h, final TypeInfo k, final List<String> out) {
        if (k == null) {
            out.add(h.name + ": type not declared in KNIME");
            return;
        }
        same(h.name + ": kind", h.kind, k.kind, out);
        same(h.name + ": modifiers", h.modifiers, k.modifiers, out);
        sameType(h.name + ": type parameters", h.typeParams, k.typeParams, out);
        sameTypes(h.name + ": supertypes", h.supertypes, k.supertypes, out);
        for (Member hm : h.members.values()) {
            if (!isApi(hm.modifiers)) {
                continue; // package-private: invisible to our code, the stand-in's own plumbing
            }
            Member km = k.members.get(hm.key);
            if (km == null) {
                out.add(h.name + ": " + hm.describe() + " not declared in KNIME");
                continue;
            }
            String where = h.name + ": " + hm.key;
            same(where + " modifiers", hm.modifiers, km.modifiers, out);
            sameType(where + " type", hm.type, km.type, out);
            sameType(where + " type parameters", hm.typeParams, km.typeParams, out);
            sameType(where + " parameters", String.join(", ", hm.params), String.join(", ", km.params), out);
            sameTypes(where + " throws", hm.thrown, km.thrown, out);
        }
        for (Member km : k.members.values()) {
            if (km.what.equals("method") && km.modifiers.contains("abstract") && !h.members.containsKey(km.key)
                    && (isApi(km.modifiers) || k.subclassableOutside())) {
                out.add(h.name + ": abstract " + km.describe() + " of KNIME missing from the harness");
            }
        }
    }

    private static void same(final String what, final Object h, final Object k, final List<String> out) {
        if (!h.equals(k)) {
            out.add(what + " differ: harness " + h + " vs KNIME " + k);
        }
    }

    private static void sameType(final String what, final String h, final String k, final List<String> out) {
        if (!typesMatch(h, k)) {
            out.add(what + " differ: harness " + h + " vs KNIME " + k);
        }
    }

    private static void sameTypes(final String what, final Collection<String> h, final Collection<String> k,
            final List<String> out) {
        boolean ok = h.size() == k.size();
        for (String a : h) {
            ok &= k.stream().anyMatch(b -> typesMatch(a, b));
        }
        if (!ok) {
            out.add(what + " differ: harness " + h + " vs KNIME " + k);
        }
    }

    /**
     * Type texts match token by token; a name one side could not resolve (java.lang, wildcard import, inherited
     * member type) matches the other side's qualified name with that simple name.
     */
    static boolean typesMatch(final String a, final String b) {
        List<String> ta = tokens(a);
        List<String> tb = tokens(b);
        if (ta.size() != tb.size()) {
            return false;
        }
        for (int i = 0; i < ta.size(); i++) {
            String x = ta.get(i);
            String y = tb.get(i);
            if (!x.equals(y) && !x.endsWith("." + y) && !y.endsWith("." + x)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> tokens(final String s) {
        List<String> t = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (Character.isJavaIdentifierPart(c) || c == '.' && cur.length() > 0) {
                cur.append(c);
            } else {
                if (cur.length() > 0) {
                    t.add(cur.toString());
                    cur.setLength(0);
                }
                if (!Character.isWhitespace(c)) {
                    t.add(String.valueOf(c));
                }
            }
        }
        if (cur.length() > 0) {
            t.add(cur.toString());
        }
        return t;
    }

    // ------------------------------------------------------------------------------------------------- model

    static final class TypeInfo {
        String name;
        boolean nested;
        String kind;
        Set<String> modifiers;
        String typeParams;
        List<String> supertypes = new ArrayList<>();
        Map<String, Member> members = new LinkedHashMap<>();

        /** Code outside the package can extend it: otherwise a package-private abstract method is no one's concern. */
        boolean subclassableOutside() {
            return !modifiers.contains("final") && members.values().stream()
                    .anyMatch(m -> m.key.startsWith("<init>(") && isApi(m.modifiers));
        }
    }

    static final class Member {
        String key;
        String what;
        Set<String> modifiers;
        String type = "";
        String typeParams = "";
        List<String> params = new ArrayList<>();
        List<String> thrown = new ArrayList<>();

        String describe() {
            return what + " " + key;
        }
    }

    // ----------------------------------------------------------------------------------------------- parsing

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    private static Map<String, TypeInfo> parse(final Path file, final List<Path> roots) throws IOException {
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = JAVAC.getStandardFileManager(diags, null, null)) {
            JavacTask task = (JavacTask) JAVAC.getTask(null, fm, diags, List.of("-proc:none"), null,
                    fm.getJavaFileObjects(file));
            Map<String, TypeInfo> types = new TreeMap<>();
            for (CompilationUnitTree unit : task.parse()) {
                Resolver r = new Resolver(unit, roots);
                for (Tree t : unit.getTypeDecls()) {
                    if (t instanceof ClassTree) {
                        collect((ClassTree) t, r.pkg, false, r, types);
                    }
                }
            }
            return types;
        }
    }

    private static TypeInfo collect(final ClassTree c, final String outer, final boolean inInterface, final Resolver r,
            final Map<String, TypeInfo> out) {
        TypeInfo t = new TypeInfo();
        t.name = outer.isEmpty() ? c.getSimpleName().toString() : outer + "." + c.getSimpleName();
        t.kind = c.getKind().name().toLowerCase();
        t.nested = !outer.equals(r.pkg);
        boolean isInterface = c.getKind() == Tree.Kind.INTERFACE || c.getKind() == Tree.Kind.ANNOTATION_TYPE;
        t.modifiers = mods(c.getModifiers().getFlags());
        if (inInterface) {
            t.modifiers.add("public");
            t.modifiers.add("static");
        }
        if (isInterface) {
            t.modifiers.add("abstract");
        }
        if (!outer.equals(r.pkg) && c.getKind() != Tree.Kind.CLASS) {
            t.modifiers.add("static"); // nested interfaces, enums, records
        }
        r.enter(c, t.name);
        t.typeParams = typeParams(c.getTypeParameters(), r);
        if (c.getExtendsClause() != null) {
            t.supertypes.add(r.type(c.getExtendsClause()));
        }
        for (Tree i : c.getImplementsClause()) {
            t.supertypes.add(r.type(i));
        }
        boolean anyCtor = false;
        for (Tree m : c.getMembers()) {
            if (m instanceof MethodTree) {
                MethodTree mt = (MethodTree) m;
                boolean ctor = mt.getName().contentEquals("<init>");
                anyCtor |= ctor;
                Member x = new Member();
                x.modifiers = mods(mt.getModifiers().getFlags());
                if (isInterface && !x.modifiers.contains("private")) {
                    x.modifiers.add("public");
                    if (mt.getBody() == null) {
                        x.modifiers.add("abstract");
                    }
                }
                if (c.getKind() == Tree.Kind.ENUM && ctor) {
                    x.modifiers.add("private");
                }
                if (x.modifiers.contains("private")) {
                    continue;
                }
                x.what = ctor ? "constructor" : "method";
                r.enterMethod(mt);
                x.typeParams = typeParams(mt.getTypeParameters(), r);
                x.type = ctor ? "" : r.type(mt.getReturnType());
                List<? extends VariableTree> ps = mt.getParameters();
                for (int i = 0; i < ps.size(); i++) {
                    String p = r.type(ps.get(i).getType());
                    boolean varargs = i == ps.size() - 1 && ps.get(i).toString().contains("...");
                    x.params.add(varargs ? p.replaceAll("\\[\\]$", "...") : p);
                }
                for (Tree e : mt.getThrows()) {
                    x.thrown.add(r.type(e));
                }
                r.exitMethod();
                x.key = (ctor ? "<init>" : mt.getName().toString()) + "("
                        + x.params.stream().map(KnimeApiDiff::erasedSimple).collect(Collectors.joining(",")) + ")";
                t.members.put(x.key, x);
            } else if (m instanceof VariableTree) {
                VariableTree v = (VariableTree) m;
                Member x = new Member();
                x.modifiers = mods(v.getModifiers().getFlags());
                if (isInterface) {
                    x.modifiers.addAll(List.of("public", "static", "final"));
                }
                boolean enumConstant = c.getKind() == Tree.Kind.ENUM && v.getType() == null
                        || c.getKind() == Tree.Kind.ENUM && v.getInitializer() != null
                        && v.getInitializer().toString().startsWith("new " + c.getSimpleName());
                if (enumConstant) {
                    x.modifiers.addAll(List.of("public", "static", "final"));
                }
                if (x.modifiers.contains("private")) {
                    continue;
                }
                x.what = enumConstant ? "enum constant" : "field";
                x.type = enumConstant ? "" : r.type(v.getType());
                x.key = v.getName().toString();
                t.members.put(x.key, x);
            } else if (m instanceof ClassTree) {
                ClassTree nested = (ClassTree) m;
                Set<String> nm = mods(nested.getModifiers().getFlags());
                if (!isInterface && (nm.contains("private"))) {
                    continue;
                }
                Member x = new Member();
                x.what = "nested type";
                x.key = nested.getSimpleName().toString();
                x.modifiers = collect(nested, t.name, isInterface, r, out).modifiers;
                t.members.put(x.key, x);
            }
        }
        if (!anyCtor && !isInterface && c.getKind() != Tree.Kind.ENUM && c.getKind() != Tree.Kind.RECORD) {
            Member x = new Member();
            x.what = "implicit constructor";
            x.key = "<init>()";
            x.modifiers = new TreeSet<>();
            for (String a : List.of("public", "protected", "private")) {
                if (t.modifiers.contains(a)) {
                    x.modifiers.add(a);
                }
            }
            if (!x.modifiers.contains("private")) {
                t.members.put(x.key, x);
            }
        }
        r.exit();
        out.put(t.name, t);
        return t;
    }

    /** Visible outside the package: what code in our own packages can see, and so what must match KNIME. */
    private static boolean isApi(final Set<String> modifiers) {
        return modifiers.contains("public") || modifiers.contains("protected");
    }

    /** Key for a parameter type: erased and unqualified, so the same overload is found on both sides. */
    private static String erasedSimple(final String type) {
        String s = type.replace("...", "[]");
        String prev;
        do {
            prev = s;
            s = s.replaceAll("<[^<>]*>", "");
        } while (!s.equals(prev));
        return s.replaceAll("[\\w$]+\\.", "");
    }

    private static Set<String> mods(final Set<Modifier> flags) {
        Set<String> s = new TreeSet<>();
        for (Modifier m : flags) {
            switch (m) {
                case PUBLIC: case PROTECTED: case PRIVATE: case STATIC: case FINAL: case ABSTRACT: case DEFAULT:
                case SEALED: case NON_SEALED:
                    s.add(m.toString());
                    break;
                default:
                    break; // synchronized, native, transient, volatile, strictfp: not part of the API
            }
        }
        return s;
    }

    private static String typeParams(final List<? extends TypeParameterTree> tps, final Resolver r) {
        if (tps.isEmpty()) {
            return "";
        }
        List<String> s = new ArrayList<>();
        for (TypeParameterTree tp : tps) {
            String b = tp.getBounds().stream().map(r::type).collect(Collectors.joining(" & "));
            s.add(tp.getName() + (b.isEmpty() ? "" : " extends " + b));
        }
        return "<" + String.join(", ", s) + ">";
    }

    /** Renders type trees, qualifying names through the imports, the package and the enclosing types. */
    static final class Resolver {
        final String pkg;
        final List<Path> roots;
        final Map<String, String> imports = new HashMap<>();
        final List<Set<String>> typeVars = new ArrayList<>();
        final List<Map<String, String>> nested = new ArrayList<>();

        Resolver(final CompilationUnitTree unit, final List<Path> roots) {
            this.pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
            this.roots = roots;
            for (ImportTree i : unit.getImports()) {
                String q = i.getQualifiedIdentifier().toString();
                if (!i.isStatic() && !q.endsWith(".*")) {
                    imports.put(q.substring(q.lastIndexOf('.') + 1), q);
                }
            }
        }

        void enter(final ClassTree c, final String name) {
            Set<String> vars = new HashSet<>();
            c.getTypeParameters().forEach(tp -> vars.add(tp.getName().toString()));
            typeVars.add(vars);
            Map<String, String> n = new HashMap<>();
            n.put(c.getSimpleName().toString(), name);
            for (Tree m : c.getMembers()) {
                if (m instanceof ClassTree) {
                    n.put(((ClassTree) m).getSimpleName().toString(), name + "." + ((ClassTree) m).getSimpleName());
                }
            }
            nested.add(n);
        }

        void exit() {
            typeVars.remove(typeVars.size() - 1);
            nested.remove(nested.size() - 1);
        }

        void enterMethod(final MethodTree m) {
            Set<String> vars = new HashSet<>();
            m.getTypeParameters().forEach(tp -> vars.add(tp.getName().toString()));
            typeVars.add(vars);
            nested.add(Map.of());
        }

        void exitMethod() {
            exit();
        }

        String resolve(final String simple) {
            for (int i = typeVars.size() - 1; i >= 0; i--) {
                if (typeVars.get(i).contains(simple)) {
                    return simple;
                }
                String n = nested.get(i).get(simple);
                if (n != null) {
                    return n;
                }
            }
            if (imports.containsKey(simple)) {
                return imports.get(simple);
            }
            for (Path root : roots) {
                if (Files.isRegularFile(root.resolve(pkg.replace('.', '/')).resolve(simple + ".java"))) {
                    return pkg + "." + simple;
                }
            }
            return simple;
        }

        String type(final Tree t) {
            if (t == null) {
                return "";
            }
            switch (t.getKind()) {
                case PRIMITIVE_TYPE:
                    return ((PrimitiveTypeTree) t).getPrimitiveTypeKind().name().toLowerCase();
                case IDENTIFIER:
                    return resolve(((IdentifierTree) t).getName().toString());
                case MEMBER_SELECT: {
                    String q = t.toString();
                    int dot = q.indexOf('.');
                    String head = resolve(q.substring(0, dot));
                    return head.equals(q.substring(0, dot)) ? q : head + q.substring(dot);
                }
                case PARAMETERIZED_TYPE: {
                    ParameterizedTypeTree p = (ParameterizedTypeTree) t;
                    return type(p.getType()) + "<"
                            + p.getTypeArguments().stream().map(this::type).collect(Collectors.joining(", ")) + ">";
                }
                case ARRAY_TYPE:
                    return type(((ArrayTypeTree) t).getType()) + "[]";
                case UNBOUNDED_WILDCARD:
                    return "?";
                case EXTENDS_WILDCARD:
                    return "? extends " + type(((WildcardTree) t).getBound());
                case SUPER_WILDCARD:
                    return "? super " + type(((WildcardTree) t).getBound());
                case ANNOTATED_TYPE:
                    return type(((AnnotatedTypeTree) t).getUnderlyingType());
                case UNION_TYPE:
                    return ((UnionTypeTree) t).getTypeAlternatives().stream().map(this::type)
                            .collect(Collectors.joining(" | "));
                default:
                    return t.toString();
            }
        }
    }
}
