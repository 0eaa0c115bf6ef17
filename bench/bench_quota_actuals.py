#!/usr/bin/env python3
# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Time the quota progress engine against plain SQL on a generated dataset.

The engine (``sales.quota.progress._refresh``) refreshes the confirmed quotas
of the dataset (generate_dataset.py --quota: 2,000 quota lines over a
quarter and its months) in one batch. The floor is hand-written SQL that
sums the same actuals, one GROUP BY per basis (confirmed sales, invoiced,
collected), without the engine's in-progress amounts, working days or
UPDATE. Both are timed warm, best of --repeat runs; the engine's runs are
rolled back. The engine's actuals must equal the floor's.

The floor runs with PostgreSQL's JIT compilation off (SET LOCAL jit = off),
its fastest: with the server's default (on), the big cost estimates of its
plans make PostgreSQL spend seconds compiling them, more than running them on
a 2-CPU machine. The engine runs as it would in production, with the server's
setting, unless --engine-jit-off.
"""

import argparse
import math
import sys

from _common import Measure, bootstrap

GOAL = 3.0  # engine / floor
BASES = ("sales", "invoiced", "collected")

# the quotas of a basis: owner, period, and the paths of their dimensions
QUOTAS = """
q AS (
    SELECT q.id, q.owner_type,
           CASE q.owner_type WHEN 'user' THEN q.user_id
                             WHEN 'team' THEN q.team_id
                             ELSE q.agent_id END AS owner_id,
           q.date_start, q.date_end,
           r.parent_path AS region_path, c.parent_path AS categ_path
      FROM sales_quota q
      LEFT JOIN sales_region r ON r.id = q.region_id
      LEFT JOIN product_category c ON c.id = q.product_category_id
     WHERE q.id = ANY(%(ids)s) AND q.basis = %(basis)s)
"""


# documents summed by day, owners and dimension paths, then matched to the
# quotas of each owner type (one hash join each)
def match(categ_join=""):
    joins = " UNION ALL ".join(
        f"""
        SELECT q.id, q.date_start, q.date_end, q.region_path, q.categ_path,
               d.day, d.region_path AS doc_region_path, d.categ_path AS doc_categ_path,
               d.amount
          FROM d JOIN q ON q.owner_type = '{owner_type}'
                       AND q.owner_id = d.{owner_type}_id {categ_join}"""
        for owner_type in ("user", "team", "agent")
    )
    return f"""
, m AS ({joins})
SELECT id, SUM(amount)
  FROM m
 WHERE day BETWEEN date_start AND date_end
   AND (region_path IS NULL OR starts_with(doc_region_path, region_path))
   AND (categ_path IS NULL OR {"TRUE" if categ_join else
        "starts_with(doc_categ_path, categ_path)"})
 GROUP BY id
"""


MATCH = match()

DIMENSIONS = """
  LEFT JOIN res_partner cp ON cp.id = %(partner)s
  LEFT JOIN sales_region r ON r.id = cp.sales_region_id
  LEFT JOIN product_product pp ON pp.id = %(product)s
  LEFT JOIN product_template pt ON pt.id = pp.product_tmpl_id
  LEFT JOIN product_category pc ON pc.id = pt.categ_id
"""

FLOOR_SALES = (
    "WITH "
    + QUOTAS
    + """,
d AS (
    SELECT ((o.date_order AT TIME ZONE 'UTC') AT TIME ZONE %(tz)s)::date AS day,
           o.user_id, o.team_id, o.sales_agent_id AS agent_id,
           r.parent_path AS region_path, pc.parent_path AS categ_path,
           SUM(sol.price_subtotal / COALESCE(NULLIF(o.currency_rate, 0), 1.0))
               AS amount
      FROM sale_order_line sol
      JOIN sale_order o ON o.id = sol.order_id
      JOIN res_partner p ON p.id = o.partner_id
"""
    + DIMENSIONS % {"partner": "p.commercial_partner_id", "product": "sol.product_id"}
    + """
     WHERE o.company_id = %(company)s AND o.state = 'sale'
       -- a day either side of the window: the local date is compared after
       AND o.date_order >= %(date_from)s::date - 1
       AND o.date_order < %(date_to)s::date + 2
       AND sol.display_type IS NULL AND sol.is_downpayment IS NOT TRUE
     GROUP BY 1, 2, 3, 4, 5, 6)"""
    + MATCH
)

FLOOR_INVOICED = (
    "WITH "
    + QUOTAS
    + """,
d AS (
    SELECT am.invoice_date AS day, am.invoice_user_id AS user_id, am.team_id,
           am.sales_agent_id AS agent_id,
           r.parent_path AS region_path, pc.parent_path AS categ_path,
           SUM(-aml.balance) AS amount
      FROM account_move_line aml
      JOIN account_move am ON am.id = aml.move_id
"""
    + DIMENSIONS % {"partner": "am.commercial_partner_id", "product": "aml.product_id"}
    + """
     WHERE am.company_id = %(company)s AND am.state = 'posted'
       AND am.move_type IN ('out_invoice', 'out_refund')
       AND aml.display_type = 'product'
       AND am.invoice_date BETWEEN %(date_from)s AND %(date_to)s
     GROUP BY 1, 2, 3, 4, 5, 6)"""
    + MATCH
)

# Collections: the amount of each reconciliation of an invoice's (refund's)
# receivable line with a payment's (or bank statement line's), dated by the
# reconciliation, attributed by the invoice. A collection counts for a
# product line in the share of its invoice's untaxed amount on that line.
FLOOR_COLLECTED = (
    "WITH "
    + QUOTAS
    + """,
p AS MATERIALIZED (
    SELECT apr.debit_move_id, apr.credit_move_id, apr.amount, apr.max_date
      FROM account_partial_reconcile apr
     WHERE apr.company_id = %(company)s
       AND apr.max_date BETWEEN %(date_from)s AND %(date_to)s),
-- an invoice is the debit side of its reconciliations, a refund the credit
-- side; the other side must be a payment or a bank statement line
c AS MATERIALIZED (
    SELECT p.max_date AS day, inv.id AS move_id,
           inv.invoice_user_id AS user_id, inv.team_id,
           inv.sales_agent_id AS agent_id, inv.commercial_partner_id,
           CASE WHEN inv.move_type = 'out_invoice' THEN p.amount
                ELSE -p.amount END AS amount
      FROM p
      -- one index lookup per reconciliation: joined plainly, PostgreSQL
      -- hashes or merges the whole account_move_line table instead (3x)
      CROSS JOIN LATERAL (SELECT move_id FROM account_move_line
                           WHERE id = p.debit_move_id LIMIT 1) dl
      CROSS JOIN LATERAL (SELECT move_id FROM account_move_line
                           WHERE id = p.credit_move_id LIMIT 1) cl
      JOIN account_move dm ON dm.id = dl.move_id
      JOIN account_move cm ON cm.id = cl.move_id
      CROSS JOIN LATERAL (
          SELECT dm.* WHERE dm.move_type = 'out_invoice'
                        AND (cm.origin_payment_id IS NOT NULL
                             OR cm.statement_line_id IS NOT NULL)
          UNION ALL
          SELECT cm.* WHERE cm.move_type = 'out_refund'
                        AND (dm.origin_payment_id IS NOT NULL
                             OR dm.statement_line_id IS NOT NULL)) inv
     WHERE inv.state = 'posted'),
-- the product categories under each product line a quota is set on
quota_categ AS (
    SELECT DISTINCT q.categ_path, pc.id AS categ_id
      FROM q JOIN product_category pc ON starts_with(pc.parent_path, q.categ_path)),
invoice_lines AS MATERIALIZED (
    SELECT il.move_id, pt.categ_id, il.balance
      FROM account_move_line il
      LEFT JOIN product_product pp ON pp.id = il.product_id
      LEFT JOIN product_template pt ON pt.id = pp.product_tmpl_id
     WHERE il.move_id IN (SELECT move_id FROM c)
       AND il.display_type = 'product'
       AND EXISTS (SELECT 1 FROM quota_categ)),
categ_share AS (
    SELECT il.move_id, qc.categ_path, SUM(il.balance) / NULLIF(t.total, 0) AS share
      FROM invoice_lines il
      JOIN quota_categ qc ON qc.categ_id = il.categ_id
      JOIN (SELECT move_id, SUM(balance) AS total FROM invoice_lines
             GROUP BY move_id) t ON t.move_id = il.move_id
     GROUP BY il.move_id, qc.categ_path, t.total),
-- each collection counts in full for the quotas without a product line
-- (categ_path ''), and in its invoice's share for each product line
d AS (
    SELECT c.day, c.user_id, c.team_id, c.agent_id,
           r.parent_path AS region_path, c.categ_key AS categ_path,
           SUM(c.amount * c.share) AS amount
      FROM (SELECT c.*, '' AS categ_key, 1.0 AS share FROM c
            UNION ALL
            SELECT c.*, cs.categ_path, cs.share
              FROM c JOIN categ_share cs ON cs.move_id = c.move_id
             WHERE cs.share <> 0) c
      LEFT JOIN res_partner cp ON cp.id = c.commercial_partner_id
      LEFT JOIN sales_region r ON r.id = cp.sales_region_id
     GROUP BY 1, 2, 3, 4, 5, 6)
"""
    + match("AND COALESCE(q.categ_path, '') = d.categ_path")
)

FLOORS = {
    "sales": FLOOR_SALES,
    "invoiced": FLOOR_INVOICED,
    "collected": FLOOR_COLLECTED,
}

# the documents each basis reads in the window (printed as the rows)
DOCUMENT_COUNTS = {
    "sales": """
        SELECT COUNT(*) FROM sale_order_line sol
          JOIN sale_order o ON o.id = sol.order_id
         WHERE o.company_id = %(company)s AND o.state = 'sale'
           AND o.date_order >= %(date_from)s::date - 1
           AND o.date_order < %(date_to)s::date + 2""",
    "invoiced": """
        SELECT COUNT(*) FROM account_move_line aml
          JOIN account_move am ON am.id = aml.move_id
         WHERE am.company_id = %(company)s AND am.state = 'posted'
           AND am.move_type IN ('out_invoice', 'out_refund')
           AND aml.display_type = 'product'
           AND am.invoice_date BETWEEN %(date_from)s AND %(date_to)s""",
    "collected": """
        SELECT COUNT(*) FROM account_partial_reconcile apr
         WHERE apr.company_id = %(company)s
           AND apr.max_date BETWEEN %(date_from)s AND %(date_to)s""",
}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--engine-jit-off",
        action="store_true",
        help="run the engine with JIT off too (default: the server's setting)",
    )
    parser.add_argument(
        "--no-per-basis",
        action="store_true",
        help="skip the timings of each basis on its own",
    )
    return parser.parse_args(argv)


class Bench:
    def __init__(self, registry, engine_jit_off=False):
        from odoo import SUPERUSER_ID, api

        self.registry = registry
        self.engine_jit_off = engine_jit_off
        self.api, self.uid = api, SUPERUSER_ID
        with registry.cursor() as cr:
            cr.execute(
                """SELECT basis, array_agg(id ORDER BY id), MIN(date_start),
                          MAX(date_end), MIN(company_id)
                     FROM sales_quota
                    WHERE state = 'confirmed' AND basis = ANY(%s)
                    GROUP BY basis""",
                (list(BASES),),
            )
            rows = cr.fetchall()
            if not rows:
                sys.exit(
                    "error: no confirmed quota: load the dataset with "
                    "generate_dataset.py --quota first."
                )
            self.ids = {basis: ids for basis, ids, *_rest in rows}
            self.all_ids = sorted(i for ids in self.ids.values() for i in ids)
            self.date_from = min(row[2] for row in rows)
            self.date_to = max(row[3] for row in rows)
            self.company_id = rows[0][4]
            cr.execute(
                "SELECT COALESCE(sales_quota_timezone, 'UTC') FROM res_company "
                "WHERE id = %s",
                (self.company_id,),
            )
            self.tz = cr.fetchone()[0]
            self.documents = {}
            for basis, query in DOCUMENT_COUNTS.items():
                cr.execute(query, self.params())
                self.documents[basis] = cr.fetchone()[0]

    def params(self, basis=None):
        return {
            "ids": self.ids.get(basis, []),
            "basis": basis,
            "company": self.company_id,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "tz": self.tz,
        }

    def jit_off(self, cr):
        cr.execute("SET LOCAL jit = off")

    def floor(self, bases=BASES):
        """The floor's actuals {quota id: amount}, one query per basis."""
        with self.registry.cursor() as cr:
            self.jit_off(cr)
            with Measure(cr, False) as measure:
                actuals = {}
                for basis in bases:
                    cr.execute(FLOORS[basis], self.params(basis))
                    actuals.update(
                        (qid, float(amount or 0)) for qid, amount in cr.fetchall()
                    )
        measure.actuals = actuals
        return measure

    def engine(self, bases=BASES, ids=None):
        """The engine's refresh of the quotas of ``bases``, rolled back."""
        ids = ids or [i for basis in bases for i in self.ids.get(basis, [])]
        with self.registry.cursor() as cr:
            if self.engine_jit_off:
                self.jit_off(cr)
            env = self.api.Environment(cr, self.uid, {})
            quotas = env["sales.quota"].browse(ids)
            with Measure(cr, False) as measure:
                env["sales.quota.progress"]._refresh(quotas)
            cr.execute(
                "SELECT id, actual_amount FROM sales_quota WHERE id = ANY(%s)",
                (ids,),
            )
            measure.actuals = {qid: float(amount or 0) for qid, amount in cr.fetchall()}
            cr.rollback()
        return measure


def best_of(count, step):
    runs = [step() for _i in range(count)]
    best = min(runs, key=lambda run: run.seconds)
    best.runs = [round(run.seconds, 3) for run in runs]
    return best


def compare(engine, floor, ids):
    """Quotas whose engine actual differs from the floor's by a cent or more."""
    wrong = []
    for qid in ids:
        expected = floor.get(qid, 0.0)
        got = engine.get(qid, 0.0)
        if abs(got - expected) > 0.01 + 1e-9 * abs(expected):
            wrong.append((qid, got, expected))
    return wrong


def main(argv=None):
    args = parse_args(argv)
    bench = Bench(bootstrap(args.db), engine_jit_off=args.engine_jit_off)
    quota_count = len(bench.all_ids)
    print(
        f"database {args.db}: {quota_count} confirmed quotas, "
        f"{bench.date_from} to {bench.date_to} ({bench.tz}), best of "
        f"{args.repeat}, warm; JIT off for the floor, "
        f"{'off' if args.engine_jit_off else 'as the server says'} for the engine"
    )
    for basis in BASES:
        print(
            f"  {basis:<9} {len(bench.ids.get(basis, [])):>6} quotas "
            f"{bench.documents[basis]:>9} documents in the window"
        )
    # warm the caches (data pages, registry, query plans)
    bench.floor()
    bench.engine()

    rows = []
    floor = best_of(args.repeat, bench.floor)
    engine = best_of(args.repeat, bench.engine)
    rows.append(("all bases", quota_count, floor, engine))
    if not args.no_per_basis:
        for basis in BASES:
            if basis not in bench.ids:
                continue
            basis_floor = best_of(args.repeat, lambda b=basis: bench.floor((b,)))
            basis_engine = best_of(args.repeat, lambda b=basis: bench.engine((b,)))
            rows.append((basis, len(bench.ids[basis]), basis_floor, basis_engine))
    # constant queries: the same refresh on a tenth of the quotas (every
    # tenth one: all bases, owners and periods still present)
    tenth = bench.all_ids[::10]
    small = bench.engine(ids=tenth)

    print()
    print(
        f"{'quotas':<10} {'lines':>6} {'floor s':>8} {'engine s':>9} "
        f"{'ratio':>6} {'floor q':>8} {'engine q':>9}  runs floor / engine (s)"
    )
    for label, count, floor_run, engine_run in rows:
        print(
            f"{label:<10} {count:>6} {floor_run.seconds:>8.3f} "
            f"{engine_run.seconds:>9.3f} "
            f"{engine_run.seconds / floor_run.seconds:>6.2f} "
            f"{floor_run.queries:>8} {engine_run.queries:>9}  "
            f"{floor_run.runs} / {engine_run.runs}"
        )
    print(
        f"engine queries: {engine.queries} for {quota_count} quotas, "
        f"{small.queries} for {len(tenth)}"
    )

    wrong = compare(engine.actuals, floor.actuals, bench.all_ids)
    counted = sum(1 for qid in bench.all_ids if floor.actuals.get(qid))
    print(
        f"actuals: {quota_count - len(wrong)} of {quota_count} equal to the floor's "
        f"({counted} non-zero)"
    )
    for qid, got, expected in wrong[:10]:
        print(f"  quota {qid}: engine {got:,.2f}, floor {expected:,.2f}")

    ratio = engine.seconds / floor.seconds
    print()
    print("goals:")
    print(
        f"  {'engine / plain-SQL floor (all bases)':<44} {ratio:6.2f}  "
        f"(goal <= {GOAL})  {'MET' if ratio <= GOAL else 'MISSED'}"
    )
    # the ORM reads records by batches of 1,000: one query more per batch
    # is not one per line
    constant = engine.queries - small.queries <= math.ceil(quota_count / 1000)
    print(
        f"  {'queries independent of the quota count':<44} "
        f"{engine.queries:>6}  ({small.queries} for a tenth)  "
        f"{'MET' if constant else 'MISSED'}"
    )
    print(
        f"  {'engine actuals equal to the floor':<44} {len(wrong):>6} differ  "
        f"{'MET' if not wrong else 'MISSED'}"
    )
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
