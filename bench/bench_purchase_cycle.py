#!/usr/bin/env python3
# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Time the purchase-cycle engine against plain SQL on a generated dataset.

Steps (each repeated, median reported):
  (a) aggregation floor: one GROUP BY of the cycle products' order lines per
      customer, product and day (the engine's filters), hand-written
  (b) plain-SQL job: the same predictions (supply, blend, confidence, state)
      written into a fresh table by one INSERT ... SELECT, rolled back
  (c) engine first run: _recompute_cycles from an empty table (committed)
  (d) engine rerun on unchanged data (rolled back)
The cycles table is emptied before every first run and at the end.
"""

import argparse
import math

from _common import Measure, bootstrap, median_of

GOALS = {"first": 3.0, "rerun": 3.0}
MAX_FIXED_QUERIES = 30
MAX_QUERIES_PER_BATCH = 3

TRACKED = """
SELECT pp.id AS product_id, pt.sales_days_per_unit AS dpu
  FROM product_product pp JOIN product_template pt ON pt.id = pp.product_tmpl_id
 WHERE pp.active AND pt.active AND pt.sales_days_per_unit > 0
"""

FLOOR_QUERY = f"""
WITH tracked AS MATERIALIZED ({TRACKED})
SELECT partner.commercial_partner_id, sol.product_id, so.date_order::date,
       SUM(sol.product_uom_qty)
  FROM sale_order_line sol
  JOIN tracked ON tracked.product_id = sol.product_id
  JOIN sale_order so ON so.id = sol.order_id
  JOIN res_partner partner ON partner.id = so.partner_id
 WHERE so.company_id = %(company)s AND so.state = 'sale'
 GROUP BY 1, 2, 3
"""

# The engine's decisions without its extras (returns, units of measure,
# overrides, the diff against stored rows), written in one statement.
PLAIN_JOB = f"""
CREATE TEMP TABLE bench_plain_cycles ON COMMIT DROP AS
WITH tracked AS MATERIALIZED ({TRACKED}),
purchases AS (
    SELECT partner.commercial_partner_id AS partner_id, sol.product_id,
           so.date_order::date AS day, SUM(sol.product_uom_qty) AS qty
      FROM sale_order_line sol
      JOIN tracked ON tracked.product_id = sol.product_id
      JOIN sale_order so ON so.id = sol.order_id
      JOIN res_partner partner ON partner.id = so.partner_id
     WHERE so.company_id = %(company)s AND so.state = 'sale'
     GROUP BY 1, 2, 3),
seq AS (
    SELECT *, day - LAG(day) OVER w AS gap, LAG(qty) OVER w AS prev_qty,
           LEAD(day) OVER w IS NULL AS is_last
      FROM purchases WINDOW w AS (PARTITION BY partner_id, product_id ORDER BY day)),
stats AS (
    SELECT partner_id, product_id, COUNT(*) AS n, MIN(day) AS first_day,
           MAX(day) AS last_day, MAX(qty) FILTER (WHERE is_last) AS last_qty,
           SUM(qty) FILTER (WHERE NOT is_last) AS prior_qty,
           AVG(gap / prev_qty) AS mean_rate, STDDEV_POP(gap / prev_qty) AS sd
      FROM seq GROUP BY 1, 2),
supplied AS (
    SELECT stats.*, GREATEST(last_qty * (
               CASE WHEN n >= 3 THEN 2.0 / (n + 1) * tracked.dpu
                    + (n - 1.0) / (n + 1) * (last_day - first_day) / prior_qty
                    ELSE tracked.dpu END), 1) AS supply
      FROM stats JOIN tracked USING (product_id))
SELECT partner_id, product_id, last_day + ROUND(supply)::int AS expected,
       last_day + FLOOR(supply * 0.8)::int AS reminder,
       FLOOR((CURRENT_DATE - last_day) / supply)::int AS missed,
       CASE WHEN n = 1 THEN 25 WHEN n = 2 THEN 40
            ELSE GREATEST(10, ROUND(100.0 * (n - 1) / n
                 * GREATEST(0, 1 - COALESCE(sd / NULLIF(mean_rate, 0), 1)))) END
           AS confidence
  FROM supplied
"""


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=5000)
    return parser.parse_args(argv)


class Bench:
    def __init__(self, registry, args):
        from odoo import SUPERUSER_ID, api

        self.registry, self.args = registry, args
        self.api, self.uid = api, SUPERUSER_ID
        with registry.cursor() as cr:
            env = self.env(cr)
            self.company_id = env.ref("base.main_company").id
            cr.execute("SELECT COUNT(*) FROM sale_order_line")
            self.lines = cr.fetchone()[0]
            cr.execute("SELECT COUNT(*) FROM res_partner WHERE customer_rank > 0")
            self.customers = cr.fetchone()[0]

    def env(self, cr):
        return self.api.Environment(cr, self.uid, {})

    def reset(self):
        with self.registry.cursor() as cr:
            cr.execute("DELETE FROM sales_purchase_cycle")
        with self.registry.cursor() as cr:
            cr._cnx.autocommit = True
            cr.execute("VACUUM ANALYZE sales_purchase_cycle")

    def sql_floor(self):
        with self.registry.cursor() as cr, Measure(cr, False) as measure:
            cr.execute(FLOOR_QUERY, {"company": self.company_id})
            measure.rows = len(cr.fetchall())
        return measure

    def sql_job(self):
        with self.registry.cursor() as cr:
            with Measure(cr, False) as measure:
                cr.execute(PLAIN_JOB, {"company": self.company_id})
                measure.rows = cr.rowcount
            cr.rollback()
        return measure

    def engine_run(self, batch_size=None, commit=False):
        with self.registry.cursor() as cr:
            env = self.env(cr)
            company = env["res.company"].browse(self.company_id)
            engine = env["sales.purchase.cycle.engine"]
            with Measure(cr, False) as measure:
                done, _remaining = engine._recompute_cycles(
                    company, batch_size=batch_size or self.args.batch_size
                )
            measure.rows = done
            if commit:
                cr.commit()
            else:
                cr.rollback()
        return measure

    def first_and_rerun(self):
        self.reset()
        first = self.engine_run(commit=True)
        rerun = self.engine_run()
        return first, rerun


def main(argv=None):
    args = parse_args(argv)
    bench = Bench(bootstrap(args.db), args)
    print(
        f"database {args.db}: {bench.customers} customers, {bench.lines} order "
        f"lines, batch size {args.batch_size}, median of {args.repeat}"
    )
    bench.sql_floor()  # warm the caches
    floor = [bench.sql_floor() for _i in range(args.repeat)]
    job = [bench.sql_job() for _i in range(args.repeat)]
    pairs = [bench.first_and_rerun() for _i in range(args.repeat)]
    first = [pair[0] for pair in pairs]
    rerun = [pair[1] for pair in pairs]
    bench.reset()
    small_size = max(args.batch_size // 4, 1)
    small = bench.engine_run(batch_size=small_size, commit=False)
    bench.reset()

    summary = {
        "floor": median_of(floor),
        "job": median_of(job),
        "first": median_of(first),
        "rerun": median_of(rerun),
    }
    rows = {"floor": floor[0].rows, "job": job[0].rows, "first": first[0].rows}
    rows["rerun"] = rerun[0].rows
    labels = {
        "floor": "(a) aggregation floor (GROUP BY)",
        "job": "(b) plain-SQL job (one statement)",
        "first": "(c) engine first run",
        "rerun": "(d) engine rerun (unchanged)",
    }
    print(f"\n{'step':<36} {'seconds':>8} {'queries':>8} {'rows':>9}  runs (s)")
    for key, label in labels.items():
        print(
            f"{label:<36} {summary[key]['seconds']:>8.3f} "
            f"{summary[key]['queries']:>8.0f} {rows[key]:>9}  {summary[key]['runs']}"
        )
    batches = math.ceil(first[0].rows / args.batch_size)
    small_batches = math.ceil(small.rows / small_size)
    per_batch = (small.queries - first[0].queries) / max(small_batches - batches, 1)
    fixed = first[0].queries - per_batch * batches
    print(
        f"\nfirst run: {batches} batches of {args.batch_size}, {first[0].queries} "
        f"queries; batches of {small_size}: {small_batches} batches, "
        f"{small.queries} queries => {fixed:.0f} fixed + {per_batch:.1f} per batch"
    )
    print("\ngoals:")
    for key, base in (("first", "job"), ("rerun", "job")):
        ratio = summary[key]["seconds"] / summary[base]["seconds"]
        status = "MET" if ratio <= GOALS[key] else "MISSED"
        print(f"  {labels[key]} / plain-SQL job: {ratio:5.2f}", end=" ")
        print(f"(goal <= {GOALS[key]}) {status}")
    constant = fixed <= MAX_FIXED_QUERIES and per_batch <= MAX_QUERIES_PER_BATCH
    print(
        f"  queries: {fixed:.0f} fixed + {per_batch:.1f} per batch (goal <= "
        f"{MAX_FIXED_QUERIES} + {MAX_QUERIES_PER_BATCH}) "
        f"{'MET' if constant else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
