package dl.fast;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A few daemon worker threads that help the calling thread with the chunks 0 … chunks−1 of a
 * product. Chunks are claimed one at a time from a shared counter by the caller and by whichever
 * workers are awake, so a worker that the operating system has not scheduled (a busy machine) costs
 * nothing: the caller then computes the chunks itself. Who computes a chunk does not change its
 * result. A product of a training step takes tens of microseconds, less than an executor's hand-off,
 * so an idle worker spins for {@link #SPIN_NANOS} before it parks; an idle notebook kernel costs no CPU.
 */
final class Team {
    /** How long an idle worker spins before it parks. */
    static final long SPIN_NANOS = 50_000;

    private static Team team;

    private final Worker[] workers;
    private volatile Job job;

    private Team(int size) {
        workers = new Worker[size];
        for (int i = 0; i < size; i++) {
            workers[i] = new Worker("dl-matmul-" + (i + 1));
            workers[i].start();
        }
    }

    /** The shared team with at least {@code size} workers. */
    static synchronized Team get(int size) {
        if (team == null || team.workers.length < size) {
            team = new Team(size);
        }
        return team;
    }

    /** One product: its chunks, the next unclaimed chunk, the number done, the first failure. */
    private static final class Job {
        final IntConsumer body;
        final int chunks;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(IntConsumer body, int chunks) {
            this.body = body;
            this.chunks = chunks;
        }

        /** Claims and runs chunks until none is left. */
        void work() {
            for (int c; (c = next.getAndIncrement()) < chunks; ) {
                try {
                    body.accept(c);
                } catch (Throwable e) {
                    if (failure == null) {
                        failure = e;
                    }
                }
                done.incrementAndGet();
            }
        }
    }

    /**
     * Runs {@code body.accept(c)} for c = 0 … chunks−1 on the calling thread and up to {@code helpers}
     * workers, and returns when all chunks are done. Calls from different threads are serialized.
     */
    synchronized void run(int chunks, int helpers, IntConsumer body) {
        Job j = new Job(body, chunks);
        job = j;
        for (int i = 0; i < Math.min(helpers, workers.length); i++) {
            workers[i].wake();
        }
        j.work();
        for (int spins = 0; j.done.get() < chunks; spins++) {
            if (spins < 1000) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        job = null;
        Throwable failure = j.failure;
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException("a matrix-product thread failed", failure);
        }
    }

    private final class Worker extends Thread {
        private volatile boolean parked;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        void wake() {
            if (parked) {
                LockSupport.unpark(this);
            }
        }

        @Override
        public void run() {
            Job last = null;
            while (true) {
                long spinStart = System.nanoTime();
                Job j;
                while ((j = job) == null || j == last) {
                    if (System.nanoTime() - spinStart < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        parked = true;
                        j = job;
                        if (j == null || j == last) {
                            LockSupport.park(this);
                        }
                        parked = false;
                        spinStart = System.nanoTime();
                    }
                }
                last = j;
                j.work();
            }
        }
    }
}
