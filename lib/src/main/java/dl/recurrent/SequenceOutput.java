package dl.recurrent;

/** What a recurrent layer returns: the hidden state of every time step, or only the last one. */
public enum SequenceOutput {
    /** h₁ … h_T: an N × (T·H) matrix, step t in columns t·H … t·H + H − 1. */
    ALL_STATES,
    /** h_T only: an N × H matrix (e.g. for one prediction per sequence). */
    LAST_STATE
}
