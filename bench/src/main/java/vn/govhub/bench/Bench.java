package vn.govhub.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs JMH benchmarks (same arguments as JMH's own main) and then prints, per benchmark class, each figure next
 * to the class's {@code baseline*} benchmark measured in the same run, with their ratio.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
        Map<String, Map<String, RunResult>> byClass = new TreeMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            int dot = name.lastIndexOf('.');
            byClass.computeIfAbsent(name.substring(0, dot), k -> new TreeMap<>()).put(name.substring(dot + 1), result);
        }
        System.out.println();
        System.out.println("== figures beside their baseline (same run) ==");
        byClass.forEach((type, methods) -> {
            RunResult baseline = methods.entrySet().stream().filter(e -> e.getKey().startsWith("baseline"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            methods.forEach((method, result) -> {
                if (result == baseline) {
                    return;
                }
                double score = result.getPrimaryResult().getScore();
                String unit = result.getPrimaryResult().getScoreUnit();
                if (result.getParams().getMode() == org.openjdk.jmh.annotations.Mode.SampleTime) {
                    var stats = result.getPrimaryResult().getStatistics();
                    System.out.printf("%s.%s: p50 %.3f %s, p99 %.3f %s%n", simple(type), method,
                            stats.getPercentile(50), unit, stats.getPercentile(99), unit);
                    if (baseline != null) {
                        var base = baseline.getPrimaryResult().getStatistics();
                        System.out.printf("  baseline %s: p50 %.3f %s, p99 %.3f %s%n",
                                baseline.getParams().getBenchmark().substring(type.length() + 1),
                                base.getPercentile(50), unit, base.getPercentile(99), unit);
                    }
                }
                if (baseline == null) {
                    System.out.printf("%s.%s: %.3f %s (no baseline)%n", simple(type), method, score, unit);
                } else {
                    double base = baseline.getPrimaryResult().getScore();
                    System.out.printf("%s.%s: %.3f %s; baseline %s: %.3f %s; ratio %.2f%n", simple(type), method,
                            score, unit, baseline.getParams().getBenchmark().substring(type.length() + 1), base, unit,
                            score / base);
                }
            });
        });
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
