#!/usr/bin/env python3
# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Time the tiering engine against plain SQL on a generated dataset.

Steps (each repeated, median reported):
  (a)  aggregation floor: one GROUP BY of revenue per customer (engine filters)
  (a') the engine's _ranking_query alone (aggregation + window functions)
  (b)  plain-SQL job: GROUP BY + ranking + one UPDATE of the tiers, rolled back
  (c)  engine _recompute_tiers from the untiered state (then committed)
  (d)  engine rerun on unchanged data
The database is reset to the untiered state (no tier, no tier history, no
tier chatter note) before every first run and at the end.
"""

import argparse
import math

import psycopg2
from _common import Measure, bootstrap, median_of

GOALS = {
    "ranking": 1.6,  # engine ranking / SQL GROUP BY
    "job": 2.0,  # engine first run / plain-SQL job
    "rerun": 1.3,  # engine rerun / SQL GROUP BY
}
MAX_FIXED_QUERIES = 50
MAX_QUERIES_PER_BATCH = 20

FLOOR_QUERY = """
SELECT aml.partner_id, -SUM(aml.balance) AS revenue
  FROM account_move_line aml
  JOIN account_move move ON move.id = aml.move_id
 WHERE aml.company_id = %(company)s
   AND aml.parent_state = 'posted'
   AND aml.display_type = 'product'
   AND aml.date >= %(date_from)s
   AND aml.partner_id IS NOT NULL
   AND move.move_type IN ('out_invoice', 'out_refund')
 GROUP BY aml.partner_id
"""

# The same decisions as the engine (Pareto cut on the share before the
# customer, revenue floor, last tier for non-positive revenue, locked and
# archived customers left alone), written as one UPDATE.
PLAIN_JOB = """
WITH revenue AS (%(floor)s),
ranked AS (
    -- revenue of the customers ranked strictly above: the running total
    -- (peers included) minus the peers' total, O(n log n); a frame with
    -- EXCLUDE GROUP gives the same value but costs O(n^2) in PostgreSQL 15
    SELECT partner_id, revenue,
           100.0 * (SUM(revenue) OVER (ORDER BY revenue DESC)
                    - SUM(revenue) OVER (PARTITION BY revenue))
               / SUM(revenue) OVER () AS share_before
      FROM revenue WHERE revenue > 0),
tiers AS (
    SELECT * FROM unnest(%%(tier_ids)s::int[], %%(cuts)s::numeric[],
                         %%(floors)s::numeric[]) WITH ORDINALITY
        AS t(id, cumulative_share, revenue_floor, position)),
computed AS (
    SELECT ranked.partner_id, COALESCE((
        SELECT tiers.id FROM tiers
         WHERE ranked.share_before < tiers.cumulative_share
           AND ranked.revenue >= tiers.revenue_floor
         ORDER BY tiers.position LIMIT 1), %%(last_tier)s) AS tier_id
      FROM ranked
    UNION ALL
    SELECT partner_id, %%(last_tier)s FROM revenue WHERE revenue <= 0
    UNION ALL
    SELECT partner.id, %%(last_tier)s FROM res_partner partner
     WHERE partner.sales_tier_id ? %%(key)s
       AND NOT EXISTS (SELECT 1 FROM revenue WHERE revenue.partner_id = partner.id))
UPDATE res_partner partner
   SET sales_tier_id = COALESCE(partner.sales_tier_id, '{}'::jsonb)
                       || jsonb_build_object(%%(key)s, computed.tier_id)
  FROM computed
 WHERE partner.id = computed.partner_id
   AND partner.active
   AND NOT COALESCE((partner.sales_tier_locked ->> %%(key)s)::boolean, FALSE)
   AND (partner.sales_tier_id ->> %%(key)s)::int IS DISTINCT FROM computed.tier_id
""" % {"floor": FLOOR_QUERY}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=2000)
    parser.add_argument(
        "--no-memory",
        action="store_true",
        help="skip the extra tracemalloc runs (peak Python memory)",
    )
    return parser.parse_args(argv)


class Bench:
    def __init__(self, registry, args):
        self.registry = registry
        self.args = args
        from odoo import SUPERUSER_ID, api

        self.api, self.uid = api, SUPERUSER_ID
        with registry.cursor() as cr:
            env = self.env(cr)
            company = env.ref("base.main_company")
            tiering = env["sales.customer.tiering"]
            tiers = env["sales.customer.tier"]._get_company_tiers(company)
            self.company_id = company.id
            self.date_from = tiering._date_from(company)
            self.tier_params = {
                "tier_ids": tiers.ids,
                "cuts": tiers.mapped("cumulative_share"),
                "floors": tiers.mapped("revenue_floor"),
                "last_tier": tiers[-1].id,
                "key": str(company.id),
            }
            self.note_params = {
                "author": env.ref("base.partner_root").id,
                "subtype": env.ref("mail.mt_note").id,
                "company": company.id,
                "key": str(company.id),
            }
            cr.execute("SELECT COUNT(*) FROM res_partner WHERE customer_rank > 0")
            self.customers = cr.fetchone()[0]

    def env(self, cr):
        return self.api.Environment(cr, self.uid, {})

    def floor_params(self):
        return {"company": self.company_id, "date_from": self.date_from}

    # --- state

    def reset(self):
        """Back to the known state: nobody tiered, no history, no tier notes."""
        with self.registry.cursor() as cr:
            cr.execute(
                """DELETE FROM mail_message
                    WHERE model = 'res.partner' AND message_type = 'notification'
                      AND author_id = %(author)s AND subtype_id = %(subtype)s""",
                self.note_params,
            )
            cr.execute(
                """DELETE FROM sales_customer_tier_history
                    WHERE company_id = %(company)s""",
                self.note_params,
            )
            cr.execute(
                """UPDATE res_partner
                      SET sales_tier_id = NULLIF(sales_tier_id - %(key)s, '{}')
                    WHERE sales_tier_id ? %(key)s""",
                self.note_params,
            )
        self.vacuum()

    def vacuum(self):
        """Clean dead rows left by a run (as autovacuum would before the next)."""
        cnx = psycopg2.connect(dbname=self.registry.db_name)
        cnx.autocommit = True
        with cnx.cursor() as cur:
            for table in ("res_partner", "sales_customer_tier_history", "mail_message"):
                cur.execute(f"VACUUM ANALYZE {table}")  # noqa: S608 (constants)
        cnx.close()

    # --- measured steps

    def sql_floor(self, memory=False):
        with self.registry.cursor() as cr, Measure(cr, memory) as measure:
            cr.execute(FLOOR_QUERY, self.floor_params())
            measure.rows = len(cr.fetchall())
        return measure

    def engine_ranking(self, memory=False):
        with self.registry.cursor() as cr:
            env = self.env(cr)
            company = env["res.company"].browse(self.company_id)
            query = env["sales.customer.tiering"]._ranking_query(company)
            with Measure(cr, memory) as measure:
                cr.execute(query)
                measure.rows = len(cr.fetchall())
        return measure

    def sql_job(self, memory=False):
        with self.registry.cursor() as cr:
            with Measure(cr, memory) as measure:
                cr.execute(PLAIN_JOB, {**self.floor_params(), **self.tier_params})
                measure.rows = cr.rowcount
            cr.rollback()
        return measure

    def engine_run(self, memory=False, batch_size=None, commit=False):
        with self.registry.cursor() as cr:
            env = self.env(cr)
            company = env["res.company"].browse(self.company_id)
            tiering = env["sales.customer.tiering"]
            with Measure(cr, memory) as measure:
                done, remaining = tiering._recompute_tiers(
                    company, batch_size=batch_size or self.args.batch_size
                )
            measure.rows, measure.remaining = done, remaining
            measure.commit_seconds = 0.0
            if commit:
                with Measure(None, False) as commit_time:
                    cr.commit()
                measure.commit_seconds = commit_time.seconds
            else:
                cr.rollback()
        return measure

    def engine_first_and_rerun(self, memory=False):
        self.reset()
        first = self.engine_run(memory, commit=True)
        self.vacuum()
        rerun = self.engine_run(memory)
        return first, rerun


def repeat(count, step):
    runs = [step() for _i in range(count)]
    flat = [m for run in runs for m in (run if isinstance(run, tuple) else (run,))]
    seconds = ", ".join(f"{m.seconds:.3f}" for m in flat)
    print(f"  {step.__name__}: {seconds} s", flush=True)
    return runs


def fmt_row(name, summary, rows):
    return (
        f"{name:<36} {summary['seconds']:>8.3f} {summary['queries']:>8.0f} "
        f"{summary['peak_kib'] / 1024:>9.1f} {summary['rss_kib'] / 1024:>9.1f} "
        f"{rows:>8}  {summary['runs']}"
    )


def goal_line(label, value, limit):
    status = "MET" if value <= limit else "MISSED"
    return f"  {label:<52} {value:6.2f}  (goal <= {limit})  {status}"


def main(argv=None):
    args = parse_args(argv)
    bench = Bench(bootstrap(args.db), args)
    print(
        f"database {args.db}: {bench.customers} customers, window from "
        f"{bench.date_from}, batch size {args.batch_size}, median of {args.repeat}"
    )
    bench.reset()
    # warm the caches once (data pages, registry, query plans)
    bench.sql_floor()
    bench.engine_ranking()

    results = {
        "floor": repeat(args.repeat, bench.sql_floor),
        "ranking": repeat(args.repeat, bench.engine_ranking),
        "job": repeat(args.repeat, bench.sql_job),
    }
    pairs = repeat(args.repeat, bench.engine_first_and_rerun)
    results["first"] = [first for first, _rerun in pairs]
    results["rerun"] = [rerun for _first, rerun in pairs]
    # query count against batches: one more first run with smaller batches
    bench.reset()
    small_size = max(args.batch_size // 4, 1)
    small = bench.engine_run(batch_size=small_size)
    memory = {}
    if not args.no_memory:
        memory = {
            "floor": bench.sql_floor(True),
            "ranking": bench.engine_ranking(True),
            "job": bench.sql_job(True),
        }
        memory["first"], memory["rerun"] = bench.engine_first_and_rerun(True)
    bench.reset()

    summary = {key: median_of(runs) for key, runs in results.items()}
    for key, measure in memory.items():
        summary[key]["peak_kib"] = measure.peak_kib
    labels = {
        "floor": "(a)  aggregation floor (SQL GROUP BY)",
        "ranking": "(a') engine _ranking_query alone",
        "job": "(b)  plain-SQL job (UPDATE, rollback)",
        "first": "(c)  engine first run",
        "rerun": "(d)  engine rerun (unchanged data)",
    }
    print()
    print(
        f"{'step':<36} {'seconds':>8} {'queries':>8} {'py_peak':>9} {'rss_delta':>9} "
        f"{'rows':>8}  runs (s)"
    )
    print(f"{'':<36} {'':>8} {'':>8} {'MiB':>9} {'MiB':>9}")
    for key, label in labels.items():
        print(fmt_row(label, summary[key], results[key][0].rows))
    commits = [m.commit_seconds for m in results["first"]]
    print(f"  commit after a first run: {sorted(commits)[len(commits) // 2]:.3f} s")

    first = results["first"][0]
    batches = math.ceil(first.rows / args.batch_size)
    small_batches = math.ceil(small.rows / small_size)
    queries = summary["first"]["queries"]
    per_batch = (small.queries - queries) / max(small_batches - batches, 1)
    fixed = queries - per_batch * batches
    print()
    print(
        f"engine first run: {first.rows} customers changed tier, {batches} batches "
        f"of {args.batch_size}, {queries:.0f} queries; with batches of "
        f"{small_size}: {small_batches} batches, {small.queries} queries"
    )
    print(f"  => {fixed:.0f} fixed queries + {per_batch:.1f} per batch")
    print(
        f"engine rerun: {results['rerun'][0].rows} changes, "
        f"{summary['rerun']['queries']:.0f} queries"
    )

    floor = summary["floor"]["seconds"]
    print()
    print("goals:")
    print(
        goal_line(
            "ranking / aggregation floor",
            summary["ranking"]["seconds"] / floor,
            GOALS["ranking"],
        )
    )
    print(
        goal_line(
            "engine first run / plain-SQL job",
            summary["first"]["seconds"] / summary["job"]["seconds"],
            GOALS["job"],
        )
    )
    print(
        goal_line(
            "engine rerun / aggregation floor",
            summary["rerun"]["seconds"] / floor,
            GOALS["rerun"],
        )
    )
    independent = fixed <= MAX_FIXED_QUERIES and per_batch <= MAX_QUERIES_PER_BATCH
    print(
        f"  {'queries: fixed + a few per batch':<52} {fixed:6.0f} + "
        f"{per_batch:.1f}/batch (goal <= {MAX_FIXED_QUERIES} + "
        f"{MAX_QUERIES_PER_BATCH}/batch)  {'MET' if independent else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
