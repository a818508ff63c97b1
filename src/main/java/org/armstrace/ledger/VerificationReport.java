package org.armstrace.ledger;

/**
 * The outcome of a full verify.
 *
 * @param ok whether every check passed
 * @param treeSize entries read
 * @param rootHash base64 root of the recomputed tree ({@code null} when it could not be
 * recomputed)
 * @param checkpointsChecked signed heads whose root and signature were checked
 * @param firstBadSeq the first entry that does not match, when the failure is tied to one
 * @param failure what differs, in words; {@code null} when ok
 * @param sinceHeadSize the size of the saved head the log was proven to extend, if one
 * was given
 * @param millis how long it took
 */
public record VerificationReport(boolean ok, long treeSize, String rootHash, int checkpointsChecked, Long firstBadSeq,
		String failure, Long sinceHeadSize, long millis) {

	public String summary() {
		if (ok) {
			return "OK size=" + treeSize + " root=" + rootHash + " checkpoints=" + checkpointsChecked
					+ (sinceHeadSize == null ? "" : " extends-saved-head=" + sinceHeadSize) + " (" + millis + " ms)";
		}
		return "FAILED" + (firstBadSeq == null ? "" : " at entry " + firstBadSeq) + ": " + failure;
	}

}
