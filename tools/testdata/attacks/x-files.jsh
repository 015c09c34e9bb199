// Reads the solution and hidden tests, overwrites the gradebook, writes to the grader's home, the
// repository and /tmp, plants symbolic links in its folder: nothing of it may work or show.
//// cell dcube
import java.nio.file.*;
String steal() {
    StringBuilder out = new StringBuilder("cwd " + Path.of("").toAbsolutePath() + "; home " + System.getProperty("user.home") + "\n");
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
        for (String rel : new String[] {"source/a1-calculus/a1-calculus.ipynb", "exercises/source/a1-calculus/a1-calculus.ipynb",
                                        "release/a1-calculus/a1-calculus.ipynb"}) {
            Path f = p.resolve(rel);
            try { String text = Files.readString(f); out.append("FOUND ").append(f).append("\n").append(text).append("\n"); } catch (Exception e) { }
        }
    }
    try { String text = Files.readString(Path.of("@ROOT@/exercises/source/a1-calculus/a1-calculus.ipynb")); out.append("FOUND ").append(text); } catch (Exception e) { out.append("no repository: " + e + "\n"); }
    // a line of the hidden tests, as if it had leaked some other way: the feedback must not show it
    out.append("    dl.exercises.Check.close(\"dSinSquare(\" + x + \")\", dSinSquare(x), 2 * x * Math.cos(x * x), 1e-12, numericalSin);\n");
    return out.toString();
}
System.out.println(steal());
double dCube(double x) { return 0; }
//// cell gradf
import java.nio.file.*;
int overwritten = 0;
for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
    for (String rel : new String[] {"gradebook.db", "../gradebook.db", "workers"}) {
        Path g = p.resolve(rel);
        try { if (Files.isRegularFile(g)) { Files.writeString(g, "not a database any more"); overwritten++; } } catch (Exception e) { }
    }
}
System.out.println("gradebooks overwritten: " + overwritten);
double[] gradF(double x, double y) { return new double[2]; }
//// cell dsin
import java.nio.file.*;
for (String where : new String[] {System.getProperty("user.home"), "@HOME@", "@ROOT@", "/tmp", "/var/tmp", "/dev/shm", "."}) {
    try { Files.writeString(Path.of(where, "@MARK@"), "written by a submission"); System.out.println("wrote " + where); }
    catch (Exception e) { System.out.println("cannot write " + where + ": " + e.getClass().getSimpleName()); }
}
double dSinSquare(double x) { return 0; }
//// cell central
import java.nio.file.*;
for (String[] link : new String[][] {{"solution.ipynb", "@ROOT@/exercises/source/a1-calculus/a1-calculus.ipynb"},
                                     {"gradebook.db", "../../../gradebook.db"}, {"home", "@HOME@"}, {"@MARK@-link", "/"}}) {
    try { Files.createSymbolicLink(Path.of(link[0]), Path.of(link[1])); System.out.println("planted " + link[0]); }
    catch (Exception e) { System.out.println("no link " + link[0] + ": " + e); }
}
try { System.out.println("through the link: " + Files.readString(Path.of("solution.ipynb")).length()); } catch (Exception e) { System.out.println("link dangles: " + e.getClass().getSimpleName()); }
double centralDifference(DoubleUnaryOperator f, double x, double h) { return 0; }
