#!/usr/bin/env python3
# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark the VP dashboard against plain SQL computing the same numbers.

On the dataset of generate_activities.py: the dashboard of the 50-person
team over the current quarter, read as the bench director (one call of
sales.vp.dashboard.get_dashboard_data, caches cleared before each run), then
hand-written SQL for the same figures (collected and target, overdue by
salesperson and top customers, the next four weeks due, planned activities
by salesperson and day, logged interactions, high-priority deals). Prints
the median times, their ratio (goal: within 2x) and the query counts for
the team of 50 and a team of 5 (goal: the same).
"""

import argparse
import sys

from _common import Measure, bootstrap, median_of
from generate_activities import (
    DATASET_PARAM,
    DIRECTOR_LOGIN,
    SMALL_TEAM_NAME,
    TEAM_NAME,
    quarter_of,
)

PLAIN_SQL = [
    # collected in the period, by salesperson
    """
    SELECT inv.invoice_user_id, SUM(apr.amount)
      FROM account_partial_reconcile apr
      JOIN account_move_line il ON il.id = apr.debit_move_id
      JOIN account_move inv ON inv.id = il.move_id
      JOIN account_move_line pl ON pl.id = apr.credit_move_id
      JOIN account_move pm ON pm.id = pl.move_id
     WHERE apr.max_date BETWEEN %(date_from)s AND %(date_to)s
       AND inv.move_type = 'out_invoice' AND inv.state = 'posted'
       AND (pm.origin_payment_id IS NOT NULL OR pm.statement_line_id IS NOT NULL)
       AND inv.invoice_user_id = ANY(%(users)s)
     GROUP BY 1
    """,
    # the collection target
    """
    SELECT SUM(target) FROM sales_quota
     WHERE basis = 'collected' AND state = 'confirmed' AND owner_type = 'user'
       AND date_start >= %(date_from)s AND date_end <= %(date_to)s
       AND user_id = ANY(%(users)s)
    """,
    # overdue by salesperson, and the top customers
    """
    SELECT invoice_user_id, SUM(amount_residual_signed) FROM account_move
     WHERE move_type = 'out_invoice' AND state = 'posted'
       AND payment_state IN ('not_paid', 'partial')
       AND invoice_date_due < %(today)s AND invoice_user_id = ANY(%(users)s)
     GROUP BY 1 ORDER BY 2 DESC
    """,
    """
    SELECT commercial_partner_id, SUM(amount_residual_signed) FROM account_move
     WHERE move_type = 'out_invoice' AND state = 'posted'
       AND payment_state IN ('not_paid', 'partial')
       AND invoice_date_due < %(today)s AND invoice_user_id = ANY(%(users)s)
     GROUP BY 1 ORDER BY 2 DESC LIMIT 5
    """,
    # due in the next four weeks, by week
    """
    SELECT (invoice_date_due - %(today)s) / 7, SUM(amount_residual_signed)
      FROM account_move
     WHERE move_type = 'out_invoice' AND state = 'posted'
       AND payment_state IN ('not_paid', 'partial')
       AND invoice_date_due BETWEEN %(today)s AND %(today)s + 27
       AND invoice_user_id = ANY(%(users)s)
     GROUP BY 1
    """,
    # planned units by salesperson and day, the next working days
    """
    SELECT user_id, date_deadline, SUM(sales_planned_count) FROM mail_activity
     WHERE active AND user_id = ANY(%(users)s)
       AND date_deadline BETWEEN %(today)s AND %(today)s + 7
     GROUP BY 1, 2
    """,
    # logged interactions in the period
    """
    SELECT user_id, COUNT(*) FROM sales_activity
     WHERE user_id = ANY(%(users)s)
       AND date >= %(date_from)s AND date < %(date_to)s::date + 1
     GROUP BY 1
    """,
]
# key problems: those of the daily reviews when installed, else key deals
PROBLEMS_SQL = {
    "sales.problem": [
        """
        SELECT state, COUNT(*) FROM sales_problem
         WHERE state IN ('open', 'escalated') AND user_id = ANY(%(users)s)
         GROUP BY 1
        """,
        """
        SELECT id, name, user_id, date_raised FROM sales_problem
         WHERE state IN ('open', 'escalated') AND user_id = ANY(%(users)s)
         ORDER BY date_raised, id LIMIT 10
        """,
    ],
    "crm.lead": [
        """
        SELECT COUNT(*) FROM crm_lead
         WHERE active AND type = 'opportunity' AND priority IN ('2', '3')
           AND probability < 100 AND user_id = ANY(%(users)s)
        """,
        """
        SELECT id, name, user_id, create_date FROM crm_lead
         WHERE active AND type = 'opportunity' AND priority IN ('2', '3')
           AND probability < 100 AND user_id = ANY(%(users)s)
         ORDER BY create_date, id LIMIT 10
        """,
        """
        SELECT COUNT(*) FROM mail_activity
         WHERE active AND date_deadline < %(today)s AND user_id = ANY(%(users)s)
        """,
    ],
}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=5)
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    registry = bootstrap(args.db)
    from odoo import SUPERUSER_ID, api, fields

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        if not env["ir.config_parameter"].get_param(DATASET_PARAM):
            sys.exit("error: load the dataset first (generate_activities.py)")
        director = env["res.users"].search([("login", "=", DIRECTOR_LOGIN)])
        team = env["crm.team"].search([("name", "=", TEAM_NAME)], limit=1)
        small = env["crm.team"].search([("name", "=", SMALL_TEAM_NAME)], limit=1)
        today = fields.Date.context_today(env["res.users"])
        date_from, date_to = quarter_of(today)
        dashboard = env["sales.vp.dashboard"].with_user(director)

        def run(for_team):
            env.invalidate_all()
            return dashboard.get_dashboard_data(
                team_id=for_team.id,
                date_from=fields.Date.to_string(date_from),
                date_to=fields.Date.to_string(date_to),
            )

        data = run(team)  # warm the registry and ormcaches
        orm = []
        for _index in range(args.repeat):
            with Measure(cr, trace_memory=False) as measure:
                run(team)
            orm.append(measure)
        with Measure(cr, trace_memory=False) as small_measure:
            run(small)
        with Measure(cr, trace_memory=False) as large_measure:
            run(team)

        params = {
            "users": team.member_ids.ids,
            "date_from": date_from,
            "date_to": date_to,
            "today": today,
        }
        queries = PLAIN_SQL + PROBLEMS_SQL[data["problems"]["source"]]
        plain = []
        for _index in range(args.repeat + 1):
            with Measure(cr, trace_memory=False) as measure:
                for query in queries:
                    cr.execute(query, params)
                    cr.fetchall()
            plain.append(measure)
        plain = plain[1:]  # the first run warms PostgreSQL's buffers

        cr.execute(
            "SELECT COUNT(*) FROM sales_activity WHERE user_id = ANY(%s)",
            [team.member_ids.ids],
        )
        logged_total = cr.fetchone()[0]
        orm_row, sql_row = median_of(orm), median_of(plain)
        col = data["collections"]
        print(
            f"VP dashboard, team of {len(team.member_ids)}, "
            f"{date_from} to {date_to}, {logged_total} logged activities"
        )
        print(
            f"  collected {col['collected']['value']:,.0f} of "
            f"{col['target']['value']:,.0f}; overdue {col['overdue']['value']:,.0f}; "
            f"{data['schedules']['under_planned']} under-planned days; "
            f"{data['problems']['open']['value']} open problems"
        )
        print(
            f"  dashboard : {orm_row['seconds'] * 1000:8.1f} ms median "
            f"{orm_row['runs']}, {orm_row['queries']:.0f} queries"
        )
        print(
            f"  plain SQL : {sql_row['seconds'] * 1000:8.1f} ms median "
            f"{sql_row['runs']}, {len(queries)} queries"
        )
        ratio = orm_row["seconds"] / sql_row["seconds"] if sql_row["seconds"] else 0
        print(f"  ratio     : {ratio:.2f}x (goal: within 2x)")
        print(
            f"  queries   : {small_measure.queries} for a team of "
            f"{len(small.member_ids)}, {large_measure.queries} for a team of "
            f"{len(team.member_ids)} (goal: the same)"
        )
        cr.rollback()
    return 0


if __name__ == "__main__":
    sys.exit(main())
