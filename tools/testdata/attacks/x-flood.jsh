// A thread flood and a fork flood: they must hit the sandbox's process limit, not the machine's.
//// cell dcube
int threads = 0;
try {
    while (threads < 100000) {
        Thread t = new Thread(() -> { try { Thread.sleep(600_000); } catch (InterruptedException e) { } });
        t.setDaemon(true);
        t.start();
        threads++;
    }
} catch (Throwable e) { System.out.println(threads + " threads, then " + e.getClass().getSimpleName()); }
int forks = 0;
try {
    while (forks < 100000) { new ProcessBuilder("sleep", "600").start(); forks++; }
} catch (Throwable e) { System.out.println(forks + " processes, then " + e.getClass().getSimpleName()); }
double dCube(double x) { return 0; }
