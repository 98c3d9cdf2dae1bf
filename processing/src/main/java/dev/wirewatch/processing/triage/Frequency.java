package dev.wirewatch.processing.triage;

/**
 * How many articles contained a term in the current and in the previous epoch (half a retention window each), so
 * that document frequencies forget what is older than about one retention window.
 *
 * <p>Immutable.
 */
public record Frequency(long epoch, long current, long previous) {

    /** The count as of {@code now} (an epoch number): both epochs while fresh, less as they age out. */
    public long at(long now) {
        if (epoch == now) {
            return current + previous;
        }
        return epoch == now - 1 ? current : 0;
    }

    /** This count moved to epoch {@code now}, plus one. */
    public Frequency plusOne(long now) {
        if (epoch == now) {
            return new Frequency(now, current + 1, previous);
        }
        return new Frequency(now, 1, epoch == now - 1 ? current : 0);
    }
}
