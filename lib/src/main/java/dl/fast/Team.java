package dl.fast;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.concurrent.locks.LockSupport;

/**
 * The helper threads of {@link MatMul}. A product is cut into chunks (blocks of rows of C); the
 * calling thread and the helpers take chunks from a shared counter until none are left, so a
 * helper that is slow to start (the machine is busy) only means the caller takes more chunks. In
 * training, products follow each other within microseconds, so an idle helper spins for up to
 * {@link #SPIN_NANOS} before it sleeps: waking a sleeping thread costs as much as a small product.
 */
final class Team {
    /** How long an idle helper, or a caller waiting for the last chunk, spins before it sleeps. */
    static final long SPIN_NANOS = 200_000;

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
        private volatile Thread waiter;

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
                if (finished.incrementAndGet() == chunks) {
                    Thread w = waiter;
                    if (w != null) {
                        LockSupport.unpark(w);
                    }
                }
            }
        }

        /** Waits until every chunk has run (spinning a while, then sleeping); rethrows a chunk's failure. */
        void await() {
            long until = System.nanoTime() + SPIN_NANOS;
            while (finished.get() < chunks && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            if (finished.get() < chunks) {
                waiter = Thread.currentThread();
                while (finished.get() < chunks) {
                    LockSupport.park(this);
                }
                waiter = null;
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
