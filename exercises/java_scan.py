"""Static checks of a submission's Java code before it is graded (see docs/exercises.md, "Checks that
cannot be fooled").

JShell resolves a simple name in a check cell to the latest top-level declaration of that name, so
a student's `class Check` replaces the import of dl.exercises.Check, a variable `dl` obscures the
package dl, and a second `double dCube(double x)` in another cell replaces the answer the check was
written for. Reflection can change the library's classes. This module reads every code cell the
student wrote (the cells nbgrader does not restore from the gradebook) and reports:

  * a top-level declaration (class, interface, enum, record, method, variable, single-type import)
    of a name a check cell uses without declaring it itself: the check cell's helpers and given data,
    the library's classes (Check, Mistake, NumericalGradient, Derivatives, ...), java.lang's classes,
    the packages' first names (dl, java, org, ...);
  * an answer (a name the instructor's solution cell declares) declared again outside its own
    answer cell;
  * reflection or other ways into the library's or the kernel's inside (setAccessible,
    java.lang.reflect, MethodHandles, Unsafe, class loaders, the JJava kernel object, kernel magics),
    other processes, sockets and native code (the sandbox contains them; the scan keeps them from
    reaching the kernel's own channels, which are open inside the sandbox).

`scan` returns, per check cell (grade id), why it must score 0. Names declared *inside* a method or
class body, parameters and local variables are never reported: they cannot shadow anything a check
cell sees.
"""
import re

KEYWORDS = set("""abstract assert boolean break byte case catch char class const continue default do double else
enum extends final finally float for goto if implements import instanceof int interface long native new package
private protected public return short static strictfp super switch synchronized this throw throws transient try
void volatile while true false null var record yield sealed permits non""".split())
PRIMITIVES = {"boolean", "byte", "char", "double", "float", "int", "long", "short", "var", "void"}
MODIFIERS = {"public", "private", "protected", "static", "final", "abstract", "sealed", "non", "default",
             "synchronized", "transient", "volatile", "strictfp", "native"}
# always protected: a declaration of these names affects every check cell
PACKAGE_ROOTS = {"dl", "java", "javax", "jdk", "org", "sun", "com", "tech"}
CORE_TYPES = {"Check", "Mistake", "NumericalGradient", "Object", "String", "Math", "StrictMath", "System", "Double",
              "Integer", "Long", "Boolean", "Character", "Float", "Short", "Byte", "Number", "Thread", "Runtime",
              "Class", "Throwable", "Error", "Exception", "RuntimeException", "AssertionError", "Iterable",
              "Comparable", "Record", "Enum", "Override", "StackTraceElement", "Void"}
# reflection and other ways into the library's and the kernel's inside
REFLECTION = {"setAccessible", "trySetAccessible", "getDeclaredField", "getDeclaredFields", "getDeclaredMethod",
              "getDeclaredMethods", "getDeclaredConstructor", "getDeclaredConstructors", "getField", "getFields",
              "getMethod", "getMethods", "getConstructor", "getConstructors", "getRecordComponents", "forName",
              "Unsafe", "MethodHandles", "MethodHandle", "VarHandle", "LambdaMetafactory", "Instrumentation",
              "ClassLoader", "getClassLoader", "getSystemClassLoader", "defineClass", "ModuleLayer", "addOpens",
              "addExports", "getModule", "StackWalker",
              # other processes, sockets (the kernel's own channels are reachable from inside its sandbox),
              # native code
              "ProcessBuilder", "ProcessHandle", "Socket", "ServerSocket", "SocketChannel", "ServerSocketChannel",
              "DatagramSocket", "DatagramChannel", "AsynchronousSocketChannel", "AsynchronousServerSocketChannel",
              "UnixDomainSocketAddress", "InetSocketAddress", "InetAddress", "URL", "URLConnection",
              "HttpURLConnection", "HttpClient", "loadLibrary"}
INSIDE_PACKAGES = ("java.lang.reflect", "java.lang.invoke", "java.lang.instrument", "jdk.internal", "sun.misc",
                   "sun.reflect", "jdk.jshell", "org.dflib", "java.net", "java.beans", "javax.script",
                   "javax.management", "javax.tools", "jdk.incubator.foreign", "java.lang.foreign")

_TOKEN = re.compile(r"[^\W\d][\w$]*|\$[\w$]*|\d[\w.]*|->|::|\S")


def _unicode_escapes(code):
    # Java reads \\uXXXX escapes before anything else: "class \\u0043heck" declares Check
    return re.sub(r"\\u+([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), code)


def _strip(code):
    """The code with comments, string, text-block and char literals replaced by a placeholder."""
    out, i, n = [], 0, len(code)
    while i < n:
        if code.startswith("//", i):
            j = code.find("\n", i)
            i = n if j < 0 else j
        elif code.startswith("/*", i):
            j = code.find("*/", i + 2)
            i = n if j < 0 else j + 2
            out.append(" ")
        elif code.startswith('"""', i):
            j = code.find('"""', i + 3)
            i = n if j < 0 else j + 3
            out.append(' "" ')
        elif code[i] in "\"'":
            quote, j = code[i], i + 1
            while j < n and code[j] != quote and code[j] != "\n":
                j += 2 if code[j] == "\\" else 1
            i = j + 1
            out.append(' "" ')
        else:
            out.append(code[i])
            i += 1
    return "".join(out)


def tokens(code):
    lines = [line for line in _unicode_escapes(code).splitlines() if not line.lstrip().startswith("%")]
    return _TOKEN.findall(_strip("\n".join(lines)))


def magics(code):
    """JJava's line and cell magics (%jars, %classpath, %%loadFromPOM, ...) in the cell."""
    return [m.group(1) for m in re.finditer(r"^\s*(%%?\w+)", _unicode_escapes(code), re.M)]


def _ident(t):
    return bool(re.match(r"[^\W\d]|\$", t)) and t not in KEYWORDS


def _skip_type(tok, i):
    """Index after a type (Name, a.b.Name, Name<...>, Name[], primitives) starting at i, or i."""
    if i < len(tok) and (tok[i] in PRIMITIVES or _ident(tok[i])):
        i += 1
        while i + 1 < len(tok) and tok[i] == "." and _ident(tok[i + 1]):
            i += 2
        if i < len(tok) and tok[i] == "<":
            depth = 0
            while i < len(tok):
                depth += {"<": 1, ">": -1}.get(tok[i], 0)
                i += 1
                if depth == 0:
                    break
        while i + 1 < len(tok) and tok[i] == "[" and tok[i + 1] == "]":
            i += 2
    return i


def declarations(code):
    """[(kind, name)] of the cell's top-level declarations (JShell snippets)."""
    tok = tokens(code)
    found, i, depth = [], 0, 0
    start = True  # at the start of a top-level statement
    while i < len(tok):
        t = tok[i]
        if depth == 0 and start:
            start = False
            j = i
            while j < len(tok) and (tok[j] in MODIFIERS or tok[j] == "-" or tok[j] == "@"):
                if tok[j] == "@" and j + 1 < len(tok) and tok[j + 1] == "interface":
                    break
                if tok[j] == "@":  # an annotation, maybe with arguments
                    j = _skip_type(tok, j + 1)
                    if j < len(tok) and tok[j] == "(":
                        j = _matching(tok, j) + 1
                    continue
                j += 1
            if j < len(tok) and tok[j] == "import":
                k = j + 1 + (j + 1 < len(tok) and tok[j + 1] == "static")
                names = []
                while k < len(tok) and tok[k] != ";":
                    names.append(tok[k])
                    k += 1
                if names and names[-1] != "*":
                    found.append(("import " + "".join(names), names[-1]))
            elif j + 1 < len(tok) and tok[j] in ("class", "interface", "enum", "record") and _ident(tok[j + 1]):
                found.append((tok[j], tok[j + 1]))
            elif j + 2 < len(tok) and tok[j] == "@" and tok[j + 1] == "interface" and _ident(tok[j + 2]):
                found.append(("annotation", tok[j + 2]))
            else:
                if j < len(tok) and tok[j] == "<":  # a generic method's type parameters
                    j = _skip_type(["X"] + tok[j:], 0) + j - 1
                k = _skip_type(tok, j)
                if k > j and k < len(tok) and _ident(tok[k]) and k + 1 < len(tok):
                    after = tok[k + 1]
                    if after == "(":
                        close = _matching(tok, k + 1)
                        if close + 1 < len(tok) and tok[close + 1] in ("{", "throws"):
                            found.append(("method", tok[k]))
                    elif after in ("=", ";", ",", "["):
                        found.append(("variable", tok[k]))
                        found += [("variable", n) for n in _more_variables(tok, k + 1)]
        if t in "({[":
            depth += 1
        elif t in ")}]":
            depth = max(0, depth - 1)
            if depth == 0 and t == "}":
                start = True
        elif t == ";" and depth == 0:
            start = True
        i += 1
    return found


def _matching(tok, i):
    depth = 0
    for j in range(i, len(tok)):
        depth += {"(": 1, ")": -1}.get(tok[j], 0)
        if depth == 0:
            return j
    return len(tok) - 1


def _more_variables(tok, i):
    """Names after top-level commas of a variable declaration (int a = 1, b = 2;)."""
    names, depth = [], 0
    while i < len(tok) and not (tok[i] == ";" and depth == 0):
        if tok[i] in "({[":
            depth += 1
        elif tok[i] in ")}]":
            depth -= 1
        elif tok[i] == "," and depth == 0 and i + 2 < len(tok) and _ident(tok[i + 1]) and tok[i + 2] in "=,;[":
            names.append(tok[i + 1])
        i += 1
    return names


def free_names(code):
    """Simple names a check cell uses but does not declare itself (at any depth, lambda parameters
    included): what a student's top-level declaration could replace."""
    tok = tokens(code)
    declared = set()
    for i, t in enumerate(tok):
        if not _ident(t) or i == 0:
            continue
        before, after = tok[i - 1], tok[i + 1] if i + 1 < len(tok) else ""
        if (_ident(before) or before in PRIMITIVES or before == "]") and after in ("=", ":", ";", ",", ")", "->"):
            declared.add(t)
        elif before in (">", ",") and after in ("=", ":"):  # List<X> xs = ..., double[] a = ..., b = ...
            declared.add(t)
        elif after == "->":
            declared.add(t)
        elif before in ("class", "interface", "enum", "record"):
            declared.add(t)
    for i, t in enumerate(tok):  # (a, b) -> ...
        if t == "->" and i > 0 and tok[i - 1] == ")":
            j = i - 1
            while j > 0 and tok[j] != "(":
                j -= 1
            declared.update(x for x in tok[j:i] if _ident(x))
    used = {t for i, t in enumerate(tok) if _ident(t) and (i == 0 or tok[i - 1] not in (".", "::"))}
    return used - declared


def reflection(code):
    """What the cell uses of reflection, the kernel's inside or kernel magics (sorted names)."""
    tok = tokens(code)
    text = re.sub(r"\s*\.\s*", ".", " ".join(tok))
    used = {t for t in tok if t in REFLECTION or t.endswith("ClassLoader")}
    for i, t in enumerate(tok[2:-1], 2):
        if tok[i - 1] == "." and tok[i + 1] == "(":
            if t == "exec":  # Runtime.getRuntime().exec(...)
                used.add("exec()")
            elif t == "load" and (tok[i - 2] == "System" or tok[i - 2] == ")"):  # System.load, getRuntime().load
                used.add("load() of native code")
    used |= {p for p in INSIDE_PACKAGES if re.search(rf"(^|[^\w.]){re.escape(p)}\b", text)}
    used |= {"kernel()" for i, t in enumerate(tok[:-1]) if t == "kernel" and tok[i + 1] == "(" and
             (i == 0 or tok[i - 1] != ".")}
    used |= {f"the kernel magic {m}" for m in magics(code)}
    return sorted(used)


def _grade_id(cell):
    return cell.metadata.get("nbgrader", {}).get("grade_id")


def scan(source_nb, submitted_nb):
    """{check grade id: [why it scores 0]} for the submission, from the instructor's source notebook."""
    meta = lambda c: c.metadata.get("nbgrader", {})
    checks = {_grade_id(c): free_names(c.source) for c in source_nb.cells
              if c.cell_type == "code" and meta(c).get("grade") and not meta(c).get("solution")}
    restored = {_grade_id(c) for c in source_nb.cells if c.cell_type == "code" and meta(c).get("locked")}
    answers = {}
    for c in source_nb.cells:
        if c.cell_type == "code" and meta(c).get("solution"):
            for _, name in declarations(c.source):
                answers.setdefault(name, _grade_id(c))
    given_imports = {d for c in source_nb.cells if c.cell_type == "code" and _grade_id(c) in restored
                     for d in declarations(c.source) if d[0].startswith("import ")}
    why = {gid: [] for gid in checks}
    seen = set()
    for index, c in enumerate(submitted_nb.cells, 1):
        gid = _grade_id(c)
        if c.cell_type != "code":
            continue
        if gid in restored and gid not in seen:
            seen.add(gid)
            continue  # nbgrader puts the original back
        where = f"cell '{gid}'" if gid else f"code cell {index}"
        used = reflection(c.source)
        if used:
            for check in why:
                why[check].append(f"{where} uses {', '.join(used)} (reflection, other processes, sockets, native "
                                  f"code and the kernel's inside are not allowed)")
        for kind, name in declarations(c.source):
            if name in answers:
                if answers[name] != gid:
                    hit = [g for g, free in checks.items() if name in free]
                    reason = (f"{where} declares {name} again, outside its answer cell '{answers[name]}' "
                              f"(the checks must see the answer cell's {name})")
                else:
                    continue
            elif (kind, name) in given_imports:
                continue  # the same import as the given cell's
            elif name in PACKAGE_ROOTS or name in CORE_TYPES:
                hit = list(checks)
                reason = f"{where} declares {kind} {name}, a name the checks use (it would replace theirs)"
            else:
                hit = [g for g, free in checks.items() if name in free]
                reason = f"{where} declares {kind} {name}, a name the checks use (it would replace theirs)"
            for check in hit:
                why[check].append(reason)
    return {gid: sorted(set(reasons), key=reasons.index) for gid, reasons in why.items() if reasons}
