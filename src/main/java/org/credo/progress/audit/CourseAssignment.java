package org.credo.progress.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.credo.catalog.requirement.Requirement;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;

/**
 * The optimal assignment of courses to the leaves of one requirement tree in which a course counts once.
 *
 * <p>Which leaves can be satisfied together is decided by a min-cost flow: source, one node per course
 * (capacity 1), one node per leaf (capacity: the courses it takes), sink. A depth-first search over the leaves,
 * most promising first, keeps the set that satisfies the most top-level requirements and then the most
 * requirements at any level, pruned by what the remaining leaves could still add. Ties go to the set found
 * first (leaves in program order), so the same record always gives the same audit. A final flow fills the
 * leaves that cannot be satisfied as far as the courses allow, completed courses before current ones.
 */
final class CourseAssignment {

    private static final double BYPASS = 1e8;
    private static final double PARTIAL = 1e6;

    private final Requirement root;
    private final List<Leaf> leaves;
    private final List<Attempt> attempts;
    private final Map<Requirement, Leaf> leafOf;
    private final boolean[][] accepts;
    private final int[] demand;
    private final int[] eligibleCount;

    CourseAssignment(
            Requirement root, List<Leaf> leaves, List<Attempt> attempts, IdentityHashMap<Requirement, Leaf> leafOf) {
        this.root = root;
        this.leaves = leaves;
        this.attempts = attempts;
        this.leafOf = leafOf;
        this.accepts = new boolean[attempts.size()][leaves.size()];
        this.demand = new int[leaves.size()];
        this.eligibleCount = new int[leaves.size()];
        for (int l = 0; l < leaves.size(); l++) {
            var leaf = leaves.get(l);
            var eligible = new ArrayList<BigDecimal>();
            for (int a = 0; a < attempts.size(); a++) {
                accepts[a][l] = leaf.accepts(attempts.get(a));
                if (accepts[a][l]) {
                    eligible.add(attempts.get(a).credits());
                }
            }
            eligibleCount[l] = eligible.size();
            demand[l] = leaf.kind == Leaf.Kind.CREDITS ? fewestCourses(leaf.credits, eligible) : leaf.courses;
        }
    }

    /** The courses counted in each leaf, and which leaves are satisfied. */
    record Outcome(Map<Leaf, List<Attempt>> counted, BitSet satisfied) {}

    Outcome solve() {
        var candidates = new ArrayList<Integer>();
        var all = new BitSet();
        for (int l = 0; l < leaves.size(); l++) {
            if (demand[l] > 0 && alone(l)) {
                candidates.add(l);
                all.set(l);
            }
        }
        // Most records let every leaf that could be satisfied alone be satisfied together: one flow settles it.
        var best = flow(all, new BitSet()) != null ? all : searchByComponent(candidates, all);
        var partial = new BitSet();
        for (int l = 0; l < leaves.size(); l++) {
            if (!best.get(l)) {
                partial.set(l);
            }
        }
        var counted = flowAssignment(best, partial);
        return new Outcome(counted, best);
    }

    /**
     * Leaves that share no course, directly or through others, and sit in different top-level requirements are
     * independent: each group is searched on its own while the others stay as they are, which gives the same
     * optimum as one search over all of them (the objective adds up over top-level requirements).
     */
    private BitSet searchByComponent(List<Integer> candidates, BitSet all) {
        var parent = new int[leaves.size()];
        for (int l = 0; l < parent.length; l++) {
            parent[l] = l;
        }
        var blockOf = blocks();
        for (int i = 0; i < candidates.size(); i++) {
            for (int j = i + 1; j < candidates.size(); j++) {
                int a = candidates.get(i);
                int b = candidates.get(j);
                if (blockOf[a] == blockOf[b] || share(a, b)) {
                    parent[find(parent, a)] = find(parent, b);
                }
            }
        }
        var context = (BitSet) all.clone();
        var done = new BitSet();
        for (int c : candidates) {
            int rootOf = find(parent, c);
            if (done.get(rootOf)) {
                continue;
            }
            done.set(rootOf);
            var members =
                    candidates.stream().filter(l -> find(parent, l) == rootOf).toList();
            members.forEach(context::clear);
            var search = new Search(members, context);
            search.run(0, new BitSet());
            context.or(search.best);
        }
        return context;
    }

    private boolean share(int a, int b) {
        for (int x = 0; x < attempts.size(); x++) {
            if (accepts[x][a] && accepts[x][b]) {
                return true;
            }
        }
        return false;
    }

    private static int find(int[] parent, int l) {
        while (parent[l] != l) {
            parent[l] = parent[parent[l]];
            l = parent[l];
        }
        return l;
    }

    /** The top-level requirement each leaf belongs to. */
    private int[] blocks() {
        var blockOf = new int[leaves.size()];
        var top = root.children().isEmpty() || leafOf.containsKey(root) ? List.of(root) : root.children();
        for (int b = 0; b < top.size(); b++) {
            mark(top.get(b), b, blockOf);
        }
        return blockOf;
    }

    private void mark(Requirement node, int block, int[] blockOf) {
        var leaf = leafOf.get(node);
        if (leaf != null) {
            blockOf[leaf.index] = block;
            return;
        }
        node.children().forEach(child -> mark(child, block, blockOf));
    }

    /** The objective of a set of satisfied leaves: top-level requirements satisfied, then nodes satisfied. */
    long score(BitSet satisfied) {
        var top = root.children().isEmpty() ? List.of(root) : root.children();
        long blocks = top.stream().filter(n -> satisfied(n, satisfied)).count();
        return blocks * 1_000_000L + nodes(root, satisfied);
    }

    private int nodes(Requirement node, BitSet satisfied) {
        int n = satisfied(node, satisfied) ? 1 : 0;
        if (!leafOf.containsKey(node)) {
            for (var child : node.children()) {
                n += nodes(child, satisfied);
            }
        }
        return n;
    }

    boolean satisfied(Requirement node, BitSet satisfied) {
        var leaf = leafOf.get(node);
        if (leaf != null) {
            return satisfied.get(leaf.index);
        }
        int met = 0;
        for (var child : node.children()) {
            if (satisfied(child, satisfied)) {
                met++;
            }
        }
        return met >= needed(node);
    }

    static int needed(Requirement node) {
        if (node instanceof Requirement.Choose c) {
            return c.count();
        }
        if (node instanceof Requirement.AnyOf) {
            return 1;
        }
        return node.children().size();
    }

    private final class Search {
        private final List<Integer> candidates;
        private final BitSet context;
        private BitSet best = new BitSet();
        private long bestScore = -1;

        Search(List<Integer> candidates, BitSet context) {
            this.candidates = candidates;
            this.context = context;
        }

        void run(int i, BitSet chosen) {
            var bound = (BitSet) chosen.clone();
            bound.or(context);
            for (int j = i; j < candidates.size(); j++) {
                bound.set(candidates.get(j));
            }
            if (score(bound) <= bestScore) {
                return;
            }
            if (i == candidates.size()) {
                bestScore = score(bound);
                best = (BitSet) chosen.clone();
                return;
            }
            int l = candidates.get(i);
            var with = (BitSet) chosen.clone();
            with.set(l);
            if (flow(with, new BitSet()) != null) {
                run(i + 1, with);
            }
            run(i + 1, chosen);
        }
    }

    private Map<Leaf, List<Attempt>> flowAssignment(BitSet full, BitSet partial) {
        var result = flow(full, partial);
        if (result == null) {
            throw new IllegalStateException("a feasible set of requirements became infeasible");
        }
        return result;
    }

    /**
     * Assigns courses so that every leaf in {@code full} takes all the courses it needs and the leaves in
     * {@code partial} take what is left; null when the {@code full} leaves cannot all be satisfied.
     */
    private Map<Leaf, List<Attempt>> flow(BitSet full, BitSet partial) {
        // A credit minimum takes the fewest courses that could reach it; when the courses it got fall short
        // in credits, it takes one more, until it has every course it fits.
        // Course counts are lower bounds, so a first flow that cannot give every leaf its courses settles it.
        var taking = demand.clone();
        boolean first = true;
        while (true) {
            var counted = network(full, partial, taking, new BitSet());
            boolean retry = false;
            for (int l = full.nextSetBit(0); l >= 0; l = full.nextSetBit(l + 1)) {
                var leaf = leaves.get(l);
                if (!enough(leaf, counted.get(leaf))) {
                    if (first && counted.get(leaf).size() < taking[l]) {
                        return null;
                    }
                    if (leaf.kind != Leaf.Kind.CREDITS
                            || counted.get(leaf).size() < taking[l]
                            || taking[l] >= eligibleCount[l]) {
                        return exact(full, partial);
                    }
                    taking[l]++;
                    retry = true;
                }
            }
            if (!retry) {
                return counted;
            }
            first = false;
        }
    }

    /**
     * Where counting courses is not enough (credit minimums over courses of different sizes), tries every
     * placement of the courses that fit a credit minimum, and gives the rest to the other leaves by flow.
     */
    private Map<Leaf, List<Attempt>> exact(BitSet full, BitSet partial) {
        var creditLeaves = new ArrayList<Integer>();
        for (int l = full.nextSetBit(0); l >= 0; l = full.nextSetBit(l + 1)) {
            if (leaves.get(l).kind == Leaf.Kind.CREDITS) {
                creditLeaves.add(l);
            }
        }
        var pool = new ArrayList<Integer>();
        for (int a = 0; a < attempts.size(); a++) {
            for (int l : creditLeaves) {
                if (accepts[a][l]) {
                    pool.add(a);
                    break;
                }
            }
        }
        var to = new int[pool.size()];
        return place(0, pool, to, creditLeaves, full, partial);
    }

    private Map<Leaf, List<Attempt>> place(
            int i, List<Integer> pool, int[] to, List<Integer> creditLeaves, BitSet full, BitSet partial) {
        for (int l : creditLeaves) {
            var reachable = BigDecimal.ZERO;
            for (int k = 0; k < pool.size(); k++) {
                if ((k < i && to[k] == l) || (k >= i && accepts[pool.get(k)][l])) {
                    reachable = reachable.add(attempts.get(pool.get(k)).credits());
                }
            }
            if (reachable.compareTo(leaves.get(l).credits) < 0) {
                return null;
            }
        }
        if (i == pool.size()) {
            var blocked = new BitSet();
            var fixed = new HashMap<Leaf, List<Attempt>>();
            creditLeaves.forEach(l -> fixed.put(leaves.get(l), new ArrayList<>()));
            for (int k = 0; k < pool.size(); k++) {
                if (to[k] >= 0) {
                    blocked.set(pool.get(k));
                    fixed.get(leaves.get(to[k])).add(attempts.get(pool.get(k)));
                }
            }
            var rest = (BitSet) full.clone();
            creditLeaves.forEach(rest::clear);
            var counted = network(rest, partial, demand, blocked);
            for (int l = rest.nextSetBit(0); l >= 0; l = rest.nextSetBit(l + 1)) {
                if (!enough(leaves.get(l), counted.get(leaves.get(l)))) {
                    return null;
                }
            }
            fixed.forEach((leaf, list) -> counted.put(leaf, List.copyOf(list)));
            return counted;
        }
        int a = pool.get(i);
        for (int l : creditLeaves) {
            if (accepts[a][l]) {
                to[i] = l;
                var placed = place(i + 1, pool, to, creditLeaves, full, partial);
                if (placed != null) {
                    return placed;
                }
            }
        }
        to[i] = -1;
        return place(i + 1, pool, to, creditLeaves, full, partial);
    }

    private Map<Leaf, List<Attempt>> network(BitSet full, BitSet partial, int[] taking, BitSet blocked) {
        var graph = new SimpleDirectedWeightedGraph<Integer, DefaultWeightedEdge>(DefaultWeightedEdge.class);
        int source = 0;
        int sink = 1;
        int firstLeaf = 2 + attempts.size();
        graph.addVertex(source);
        graph.addVertex(sink);
        var capacity = new HashMap<DefaultWeightedEdge, Integer>();
        var cost = new HashMap<DefaultWeightedEdge, Double>();
        capacity.put(edge(graph, source, sink), attempts.size());
        cost.put(graph.getEdge(source, sink), BYPASS);
        var used = new BitSet();
        used.or(full);
        used.or(partial);
        for (int l = used.nextSetBit(0); l >= 0; l = used.nextSetBit(l + 1)) {
            graph.addVertex(firstLeaf + l);
            var e = edge(graph, firstLeaf + l, sink);
            capacity.put(e, taking[l]);
            cost.put(e, full.get(l) ? 0.0 : PARTIAL);
        }
        for (int a = 0; a < attempts.size(); a++) {
            var attempt = attempts.get(a);
            graph.addVertex(2 + a);
            if (blocked.get(a)) {
                continue;
            }
            var in = edge(graph, source, 2 + a);
            capacity.put(in, 1);
            cost.put(in, 0.0);
            for (int l = used.nextSetBit(0); l >= 0; l = used.nextSetBit(l + 1)) {
                if (accepts[a][l]) {
                    var e = edge(graph, 2 + a, firstLeaf + l);
                    capacity.put(e, 1);
                    cost.put(e, preference(attempt, leaves.get(l)) + a);
                }
            }
        }
        int total = attempts.size();
        // The algorithm reads arc costs from the edge weights.
        cost.forEach(graph::setEdgeWeight);
        var problem = new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<Integer, DefaultWeightedEdge>(
                graph, v -> v == source ? total : v == sink ? -total : 0, capacity::get);
        var flows = new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>()
                .getMinimumCostFlow(problem)
                .getFlowMap();
        var counted = new HashMap<Leaf, List<Attempt>>();
        for (int l = used.nextSetBit(0); l >= 0; l = used.nextSetBit(l + 1)) {
            var list = new ArrayList<Attempt>();
            for (int a = 0; a < attempts.size(); a++) {
                if (accepts[a][l] && !blocked.get(a) && flows.get(graph.getEdge(2 + a, firstLeaf + l)) > 0.5) {
                    list.add(attempts.get(a));
                }
            }
            list.sort(Comparator.comparingInt(Attempt::sequence).thenComparing(Attempt::course));
            counted.put(leaves.get(l), List.copyOf(list));
        }
        return counted;
    }

    private static DefaultWeightedEdge edge(
            SimpleDirectedWeightedGraph<Integer, DefaultWeightedEdge> graph, int from, int to) {
        return graph.addEdge(from, to);
    }

    /**
     * The cost of counting an attempt in a leaf: completed before current before planned, and for credit
     * minimums bigger courses first, so the fewest courses reach the minimum; then the earlier course in code
     * order, so ties always go the same way.
     */
    private static double preference(Attempt attempt, Leaf leaf) {
        double status = switch (attempt.status()) {
            case COMPLETED -> 0;
            case IN_PROGRESS -> 1_000;
            case PLANNED -> 2_000;
        };
        double size = leaf.kind == Leaf.Kind.CREDITS
                ? Math.max(0, 100 - attempt.credits().doubleValue())
                : 0;
        return status + size;
    }

    /** Whether the counted attempts satisfy the leaf: enough courses, and for a minimum enough credits. */
    static boolean enough(Leaf leaf, List<Attempt> counted) {
        if (leaf.kind != Leaf.Kind.CREDITS) {
            return counted.size() >= leaf.courses;
        }
        var sum = counted.stream().map(Attempt::credits).reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.compareTo(leaf.credits) >= 0;
    }

    /** The fewest courses whose credits reach the minimum (all of them when even all do not). */
    private static int fewestCourses(BigDecimal minimum, List<BigDecimal> credits) {
        var sorted = new ArrayList<>(credits);
        sorted.sort(Comparator.reverseOrder());
        var sum = BigDecimal.ZERO;
        for (int k = 0; k < sorted.size(); k++) {
            sum = sum.add(sorted.get(k));
            if (sum.compareTo(minimum) >= 0) {
                return k + 1;
            }
        }
        return sorted.size();
    }

    /** Whether the leaf could be satisfied if it had every course it fits to itself. */
    private boolean alone(int l) {
        var leaf = leaves.get(l);
        int count = 0;
        var credits = BigDecimal.ZERO;
        for (int a = 0; a < attempts.size(); a++) {
            if (accepts[a][l]) {
                count++;
                credits = credits.add(attempts.get(a).credits());
            }
        }
        return leaf.kind == Leaf.Kind.CREDITS ? credits.compareTo(leaf.credits) >= 0 : count >= leaf.courses;
    }
}
