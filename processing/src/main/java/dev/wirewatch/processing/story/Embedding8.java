package dev.wirewatch.processing.story;

/**
 * A sentence embedding kept as one signed byte per dimension, scaled to its largest component: a quarter of the
 * floats' size, and cosines within about 0.005 of theirs, which is far below what separates a story from another.
 *
 * <p>Stateless and thread safe; the byte arrays are not copied.
 */
public final class Embedding8 {

    private Embedding8() {
    }

    /** {@code vector} in bytes; an empty array for an empty or all-zero vector. */
    public static byte[] of(float[] vector) {
        float largest = 0;
        for (float v : vector) {
            largest = Math.max(largest, Math.abs(v));
        }
        if (largest == 0) {
            return new byte[0];
        }
        byte[] bytes = new byte[vector.length];
        for (int i = 0; i < vector.length; i++) {
            bytes[i] = (byte) Math.round(vector[i] / largest * 127);
        }
        return bytes;
    }

    /** The cosine of two embeddings of one model; 0 when either is empty or they differ in length. */
    public static double cosine(byte[] a, byte[] b) {
        if (a.length == 0 || a.length != b.length) {
            return 0;
        }
        long dot = 0;
        long aa = 0;
        long bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return aa == 0 || bb == 0 ? 0 : dot / Math.sqrt((double) aa * bb);
    }
}
