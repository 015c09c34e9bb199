"""What the course's test scripts share: one pass/fail counter that prints as they all print.

    check = Check()
    check.ok("the page opens")          # prints "ok   the page opens"
    check.fail("no plot drawn")         # prints "FAIL no plot drawn"
    sys.exit(check.summary("site test"))  # prints "site test: 1 passed, 1 failed"; 1 if anything failed
"""


class Check:
    def __init__(self):
        self.passed = 0
        self.failed = []

    def ok(self, message):
        self.passed += 1
        print(f"ok   {message}", flush=True)

    def fail(self, message):
        self.failed.append(message)
        print(f"FAIL {message}", flush=True)

    def summary(self, name):
        """Prints 'name: N passed, N failed'; the exit status: 0 if nothing failed, else 1."""
        print(f"{name}: {self.passed} passed, {len(self.failed)} failed", flush=True)
        return 1 if self.failed else 0
