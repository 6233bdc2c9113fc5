package vn.govhub.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A set of simulators started together and closed together, for a test class or the demo profile.
 * Closing stops them in reverse order of start.
 */
public final class Sandbox implements AutoCloseable {

    private final List<Simulator> simulators;

    private Sandbox(List<Simulator> simulators) {
        this.simulators = List.copyOf(simulators);
    }

    /** Starts every simulator; when one fails to start, stops those already started and rethrows. */
    public static Sandbox start(Simulator... simulators) {
        List<Simulator> started = new ArrayList<>();
        try {
            for (Simulator simulator : simulators) {
                simulator.start();
                started.add(simulator);
            }
        } catch (RuntimeException e) {
            stopAll(started, e);
            throw e;
        }
        return new Sandbox(started);
    }

    public List<Simulator> simulators() {
        return simulators;
    }

    /** The one simulator of this type. */
    public <T extends Simulator> T get(Class<T> type) {
        List<T> matches = simulators.stream().filter(type::isInstance).map(type::cast).toList();
        if (matches.size() != 1) {
            throw new IllegalArgumentException(matches.size() + " simulators of type " + type.getSimpleName());
        }
        return matches.get(0);
    }

    public Optional<Simulator> byName(String name) {
        return simulators.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Puts every simulator back to a clean state (see {@link Simulator#reset()}). */
    public void reset() {
        simulators.forEach(Simulator::reset);
    }

    @Override
    public void close() {
        RuntimeException failure = stopAll(simulators, null);
        if (failure != null) {
            throw failure;
        }
    }

    private static RuntimeException stopAll(List<Simulator> simulators, RuntimeException failure) {
        for (int i = simulators.size() - 1; i >= 0; i--) {
            try {
                simulators.get(i).stop();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        return failure;
    }
}
