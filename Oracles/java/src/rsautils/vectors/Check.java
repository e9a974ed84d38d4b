package rsautils.vectors;

/** Cross-checks inside the generator: a failed check aborts the run before any file is written. */
final class Check {
    private Check() {}

    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    static void that(boolean condition, String what) {
        if (!condition) throw new Failure("cross-check failed: " + what);
    }

    static void equal(byte[] expected, byte[] actual, String what) {
        if (!java.util.Arrays.equals(expected, actual)) {
            throw new Failure("cross-check failed: " + what + ": expected " + Bytes.hex(expected)
                    + " got " + Bytes.hex(actual));
        }
    }

    /** Runs an operation that the JDK must reject; returns the simple name of the exception it threw. */
    static String throwsException(ThrowingRunnable op, String what) {
        try {
            op.run();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
        throw new Failure("the JDK accepted what must be rejected: " + what);
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
