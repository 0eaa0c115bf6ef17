# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Helpers shared by the benchmark scripts: Odoo bootstrap and measurement."""

import gc
import os
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DATASET_PARAM = "sales_model_crm_bench.dataset"


def addons_path():
    """The repository root, then Odoo's own addons directories."""
    import odoo.addons

    paths = [str(REPO_ROOT)]
    for path in odoo.addons.__path__:
        if Path(path).resolve() != REPO_ROOT and path not in paths:
            paths.append(path)
    extra = os.environ.get("SMC_EXTRA_ADDONS")
    if extra:
        paths.extend(extra.split(","))
    return ",".join(paths)


def bootstrap(db):
    """Configure Odoo for ``db`` and return its registry (no HTTP server)."""
    try:
        import odoo
        from odoo.modules.registry import Registry
    except ImportError:
        sys.exit("error: Odoo 18 is not importable as 'odoo' from this python3.")
    odoo.tools.config.parse_config(
        [f"--addons-path={addons_path()}", f"--database={db}", "--log-level=warn"]
    )
    return Registry(db)


def rss_kib():
    """Current resident set size of this process, in KiB."""
    try:
        with open("/proc/self/statm") as statm:
            pages = int(statm.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") // 1024
    except OSError:  # not Linux: fall back on the peak
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class Measure:
    """Wall time, SQL queries, peak Python memory and RSS delta of a block.

    ``with Measure(cr) as m: ...`` then m.seconds, m.queries, m.peak_kib,
    m.rss_kib. Queries are counted with Odoo's own ``cr.sql_log_count``.
    """

    def __init__(self, cr=None, trace_memory=True):
        self.cr = cr
        self.trace_memory = trace_memory

    def __enter__(self):
        gc.collect()
        self._rss = rss_kib()
        self._queries = self.cr.sql_log_count if self.cr is not None else 0
        if self.trace_memory:
            tracemalloc.start()
        self._start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self._start
        self.queries = (
            self.cr.sql_log_count - self._queries if self.cr is not None else 0
        )
        self.peak_kib = 0
        if self.trace_memory:
            self.peak_kib = tracemalloc.get_traced_memory()[1] // 1024
            tracemalloc.stop()
        self.rss_kib = rss_kib() - self._rss
        return False


def median_of(measures):
    """One summary row from repeated measures: median of each figure."""
    return {
        "seconds": statistics.median(m.seconds for m in measures),
        "queries": statistics.median(m.queries for m in measures),
        "peak_kib": statistics.median(m.peak_kib for m in measures),
        "rss_kib": statistics.median(m.rss_kib for m in measures),
        "runs": [round(m.seconds, 3) for m in measures],
    }
