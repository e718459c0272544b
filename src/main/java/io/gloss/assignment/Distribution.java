package io.gloss.assignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hands articles out to editors: each article gets editors until it has {@code wanted} distinct
 * ones, always the least loaded editor not on it yet, so that loads stay within one of each other
 * when they start equal (and even out when they do not). Among equally loaded editors, the one
 * who has shared the fewest articles with those already on this one goes first (then the one
 * picked longest ago): agreement is measured per pair of editors, so every pair must come to
 * share articles, which a plain rotation does not do. Plain Java: the service reads and writes,
 * this only decides.
 */
final class Distribution {

    record Pick(long articleId, String username) {
    }

    private Distribution() {
    }

    /**
     * @param articleIds the articles, in the order they are served
     * @param assignees  who each article has already (absent: nobody)
     * @param editors    who may be picked, distinct
     * @param loads      each editor's current number of assignments in the project (absent: 0)
     */
    static List<Pick> distribute(List<Long> articleIds, Map<Long, Set<String>> assignees, List<String> editors,
            Map<String, Integer> loads, int wanted) {
        int n = editors.size();
        Map<String, Integer> index = new HashMap<>();
        int[] load = new int[n];
        long[] lastPicked = new long[n];
        for (int i = 0; i < n; i++) {
            index.put(editors.get(i), i);
            load[i] = loads.getOrDefault(editors.get(i), 0);
        }
        int[][] shared = new int[n][n];
        List<Pick> picks = new ArrayList<>();
        long turn = 0;
        for (long articleId : articleIds) {
            Set<String> already = assignees.getOrDefault(articleId, Set.of());
            boolean[] on = new boolean[n];
            List<Integer> present = new ArrayList<>();
            for (String name : already) {
                Integer i = index.get(name);
                if (i != null) {
                    on[i] = true;
                    present.add(i);
                }
            }
            for (int missing = wanted - already.size(); missing > 0; missing--) {
                int best = -1;
                int bestShared = 0;
                for (int i = 0; i < n; i++) {
                    if (on[i]) {
                        continue;
                    }
                    int s = 0;
                    for (int p : present) {
                        s += shared[i][p];
                    }
                    if (best < 0 || load[i] < load[best] || load[i] == load[best]
                            && (s < bestShared || s == bestShared && lastPicked[i] < lastPicked[best])) {
                        best = i;
                        bestShared = s;
                    }
                }
                if (best < 0) {
                    break; // every editor is on this article already
                }
                for (int p : present) {
                    shared[best][p]++;
                    shared[p][best]++;
                }
                on[best] = true;
                present.add(best);
                load[best]++;
                lastPicked[best] = ++turn;
                picks.add(new Pick(articleId, editors.get(best)));
            }
        }
        return picks;
    }
}
