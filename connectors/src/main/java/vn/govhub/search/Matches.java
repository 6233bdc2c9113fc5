package vn.govhub.search;

/** The documents one query clause matches, in doc id order, with the clause's score in each. */
record Matches(int[] docs, float[] scores) {
}
