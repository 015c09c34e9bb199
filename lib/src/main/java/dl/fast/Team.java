package dl.fast;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The helper threads of {@link MatMul}. A product is cut into chunks (blocks of rows of C); the
 * calling thread and the helpers take chunks from a shared counter until none are left, so a
 * helper that is slow to start (the machine is busy) only means the caller takes more chunks. An
 * idle helper spins for up to {@link #SPIN_NANOS} before it sleeps, as products often follow each
 * other: waking a sleeping thread costs tens of microseconds, on a virtual machine often more.
 */
final class Team {
    /** How long an idle helper spins before it sleeps (and a caller waiting for the last chunk before it yields). */
    static final long SPIN_NANOS = 1_000_000;

    private final Helper[] helpers;

    Team(int size) {
        helpers = new Helper[size];
        for (int i = 0; i < size; i++) {
            helpers[i] = new Helper("dl-matmul-" + (i + 1));
        }
    }

    int size() {
        return helpers.length;
    }

    /**
     * Runs {@code work} on chunks 0 … chunks−1, each once, on the calling thread and up to
     * {@code helpers} helper threads, and returns when all chunks have run.
     */
    void run(int chunks, int helpers, IntConsumer work) {
        Job job = new Job(chunks, work);
        for (int i = 0; i < Math.min(helpers, this.helpers.length); i++) {
            this.helpers[i].post(job);
        }
        job.work();
        job.await();
    }

    /** One product: the chunks not yet taken, the chunks finished, and what a chunk threw. */
    private static final class Job {
        private final int chunks;
        private final IntConsumer body;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger finished = new AtomicInteger();
        private volatile Throwable failure;

        Job(int chunks, IntConsumer body) {
            this.chunks = chunks;
            this.body = body;
        }

        /** Takes and runs chunks until none are left. */
        void work() {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                try {
                    body.accept(c);
                } catch (Throwable e) {
                    failure = e;
                }
                finished.incrementAndGet();
            }
        }

        /**
         * Waits until every chunk has run, spinning: what is left is at most one chunk per helper, a few
         * microseconds to a millisecond (sleeping and being woken can cost more, on a virtual machine
         * much more). Past {@link #SPIN_NANOS} it gives the core to other threads between checks.
         */
        void await() {
            long until = System.nanoTime() + SPIN_NANOS;
            while (finished.get() < chunks) {
                if (System.nanoTime() < until) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            if (failure != null) {
                throw new IllegalStateException("a matrix-product thread failed", failure);
            }
        }
    }

    /** A helper thread and its mailbox, the latest job posted to it. */
    private static final class Helper implements Runnable {
        private final Thread thread;
        private volatile Job job;
        private volatile boolean sleeping;

        Helper(String name) {
            thread = new Thread(this, name);
            thread.setDaemon(true);
            thread.start();
        }

        void post(Job j) {
            job = j;
            if (sleeping) {
                LockSupport.unpark(thread);
            }
        }

        @Override
        public void run() {
            Job done = null;
            while (true) {
                long until = System.nanoTime() + SPIN_NANOS;
                while (job == done && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                while (job == done) {
                    sleeping = true;
                    if (job == done) {
                        LockSupport.park(this);
                    }
                    sleeping = false;
                }
                done = job;
                done.work();
            }
        }
    }
}
