"""nbgrader's Execute preprocessor, made to survive a kernel that dies (System.exit, a crash).

nbgrader gives up on a whole submission when the kernel dies mid-notebook. Here the cell that was
running gets an error output naming the problem, every later code cell gets a "not run" error
(so its test scores 0), and autograding saves the scores of the cells that did run.
"""
from nbclient.exceptions import DeadKernelError
from nbformat.notebooknode import NotebookNode

from nbgrader.preprocessors import Execute


def _error(ename, evalue):
    return NotebookNode(output_type="error", ename=ename, evalue=evalue,
                        traceback=[f"{ename}: {evalue}"])


class JavaExecute(Execute):
    """Execute that records which cell killed the kernel and scores the rest 0."""

    def on_cell_execute(self, **kwargs):
        self._running = kwargs.get("cell_index")

    def preprocess(self, nb, resources=None, km=None):
        self._running = None
        try:
            return super().preprocess(nb, resources, km)
        except DeadKernelError:
            start = self._running if self._running is not None else 0
            where = nb.cells[start].metadata.get("nbgrader", {}).get("grade_id") or f"cell {start + 1}"
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code" or index < start:
                    continue
                if index == start:
                    cell.outputs.append(_error(
                        "KernelDied", "the Java kernel died while running this cell (System.exit or a crash); "
                                      "the cells after it were not run and score 0"))
                else:
                    cell.outputs = [_error("NotRun", f"not run: the kernel died in '{where}'")]
            self.log.warning("kernel died in %s; later cells score 0", where)
            return nb, resources
