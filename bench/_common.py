# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Helpers shared by the benchmark scripts: Odoo bootstrap, measurement, and
the bulk loaders of the dataset generators (generate_*.py)."""

import gc
import io
import os
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import psycopg2

REPO_ROOT = Path(__file__).resolve().parent.parent
DATASET_PARAM = "sales_model_crm_bench.dataset"
SALESMAN_LOGIN = "bench_salesman_%02d"
SALESMAN_ALL_LOGIN = "bench_salesman_all"

_START = time.perf_counter()
DATASETS_FILE = REPO_ROOT / "data" / "datasets.json"


def dataset_sizes(script, size="default"):
    """The default sizes of ``script``'s dataset ``size``, from
    data/datasets.json (the shared parameters of the large datasets)."""
    import json

    sizes = json.loads(DATASETS_FILE.read_text(encoding="utf-8"))[script]
    if size not in sizes:
        raise SystemExit(
            f"{script}: unknown dataset size {size!r} (known: {', '.join(sizes)})"
        )
    return dict(sizes[size])


def log(message):
    """Print ``message`` with the seconds since the script started."""
    print(f"[{time.perf_counter() - _START:7.1f}s] {message}", flush=True)


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


# --- dataset generators: salespeople and bulk loading


def ensure_salespeople(env, count, all_documents=True):
    """The ids of ``count`` own-documents salespeople, made if missing.

    With ``all_documents``, one all-documents salesperson too (not returned).
    """
    users = env["res.users"].with_context(no_reset_password=True)
    own_group = env.ref("sales_team.group_sale_salesman")
    all_group = env.ref("sales_team.group_sale_salesman_all_leads")
    wanted = [(SALESMAN_LOGIN % (n + 1), own_group) for n in range(count)]
    if all_documents:
        wanted.append((SALESMAN_ALL_LOGIN, all_group))
    existing = {
        user.login: user
        for user in users.search([("login", "in", [login for login, _g in wanted])])
    }
    vals_list = [
        {
            "name": login.replace("_", " ").title(),
            "login": login,
            "groups_id": [(6, 0, [env.ref("base.group_user").id, group.id])],
        }
        for login, group in wanted
        if login not in existing
    ]
    created = users.create(vals_list) if vals_list else users
    by_login = {**existing, **{user.login: user for user in created}}
    return [by_login[SALESMAN_LOGIN % (n + 1)].id for n in range(count)]


def reserve_ids(cr, table, count):
    """Reserve ``count`` consecutive ids of ``table``.

    The table stays locked against other writers until the commit, so that
    nobody takes an id of the range meanwhile.
    """
    cr.execute(f"LOCK TABLE {table} IN EXCLUSIVE MODE")  # noqa: S608 (constant)
    cr.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")  # noqa: S608
    start = cr.fetchone()[0] + 1
    cr.execute("SELECT setval(%s, %s)", (f"{table}_id_seq", start + count))
    return start


def skip_foreign_key_checks(cr):
    """Skip the per-row foreign key triggers during the load (superuser only).

    The rows reference ids this script has just read or reserved; checking
    each of the 2M line inserts against 20 foreign keys would triple the load.
    """
    try:
        with cr.savepoint(flush=False):
            cr.execute("SET LOCAL session_replication_role = replica")
        return True
    except psycopg2.Error:
        log("not a PostgreSQL superuser: foreign keys are checked row by row")
        return False


def copy_rows(cr, table, columns, arrays):
    """COPY numpy columns into a staging table (numbers and ISO dates only)."""
    buffer = io.StringIO()
    for row in zip(*arrays, strict=True):
        buffer.write("\t".join(map(str, row)))
        buffer.write("\n")
    buffer.seek(0)
    cr._obj.copy_from(buffer, table, columns=columns)
