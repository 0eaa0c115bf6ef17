#!/usr/bin/env python3
# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Load the VP dashboard benchmark dataset: a team of 50 over a quarter.

Salespeople, the team, the current quarter, its collection quotas and a few
hundred high-priority deals are made through the ORM. The bulk is loaded by
plain SQL as generate_dataset.py does (staging tables, INSERT ... SELECT,
foreign-key triggers skipped): customers, customer invoices over the last
five months with their receivable lines, the payments reconciled with them
(half the invoices paid, some in part), 500k logged interactions
(sales.activity) spread over the quarter so far, and the planned activities
(mail.activity) of the next three weeks, 20 to 45 per salesperson and day.
"""

import argparse
import json
import sys
from datetime import date, timedelta

import numpy as np
from _common import (
    bootstrap,
    dataset_sizes,
    ensure_salespeople,
    log,
    reserve_ids,
    skip_foreign_key_checks,
)
from generate_dataset import (
    INSERT_MOVES,
    INSERT_TERM_LINES,
    load_context,
    load_customers,
    load_quota_payments,
    stage_moves,
    stage_user_teams,
)

DATASET_PARAM = "sales_model_crm_bench.vp_dashboard"
TEAM_NAME = "Bench VP Team"
SMALL_TEAM_NAME = "Bench VP Team (5)"
DIRECTOR_LOGIN = "bench_vp_director"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--salespeople", type=int)
    parser.add_argument("--activities", type=int)
    parser.add_argument("--customers", type=int)
    parser.add_argument("--invoices", type=int)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--if-missing", action="store_true")
    # the default sizes: data/datasets.json
    parser.set_defaults(**dataset_sizes("generate_activities.py"))
    return parser.parse_args(argv)


def quarter_of(today):
    start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    end_month = start.month + 3
    end = (
        date(start.year + 1, 1, 1) if end_month > 12 else date(start.year, end_month, 1)
    ) - timedelta(days=1)
    return start, end


def orm_setup(env, args, user_ids, today):
    """Team, director, current quarter, collection quotas, key deals."""
    company = env.ref("base.main_company")
    users = env["res.users"].browse(user_ids)
    Team = env["crm.team"]
    team = Team.search([("name", "=", TEAM_NAME)], limit=1) or Team.create(
        {"name": TEAM_NAME, "company_id": company.id}
    )
    team.member_ids = [(6, 0, users.ids)]
    small = Team.search([("name", "=", SMALL_TEAM_NAME)], limit=1) or Team.create(
        {"name": SMALL_TEAM_NAME, "company_id": company.id}
    )
    # a user belongs to one team at a time in Odoo unless multi-team is on:
    # the small team gets five salespeople of its own
    small_users = ensure_salespeople(env, args.salespeople + 5)[args.salespeople :]
    small.member_ids = [(6, 0, small_users)]
    director = env["res.users"].search([("login", "=", DIRECTOR_LOGIN)])
    if not director:
        director = (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": "Bench VP Director",
                    "login": DIRECTOR_LOGIN,
                    "company_id": company.id,
                    "company_ids": [(6, 0, company.ids)],
                    "groups_id": [
                        (
                            6,
                            0,
                            [
                                env.ref("base.group_user").id,
                                env.ref("sales_team.group_sale_manager").id,
                            ],
                        )
                    ],
                }
            )
        )
    start, end = quarter_of(today)
    quarter_type = env["date.range.type"].search(
        [("sales_cycle", "=", "quarter"), ("company_id", "in", [company.id, False])],
        limit=1,
    ) or env["date.range.type"].create(
        {"name": "Bench Quarter", "sales_cycle": "quarter", "company_id": company.id}
    )
    quarter = env["date.range"].search(
        [
            ("type_id", "=", quarter_type.id),
            ("date_start", "=", start),
            ("date_end", "=", end),
        ]
    ) or env["date.range"].create(
        {
            "name": f"Bench {start.year}-Q{(start.month - 1) // 3 + 1}",
            "type_id": quarter_type.id,
            "date_start": start,
            "date_end": end,
            "company_id": company.id,
        }
    )
    quotas = env["sales.quota"].create(
        [
            {
                "period_id": quarter.id,
                "owner_type": "user",
                "user_id": user_id,
                "basis": "collected",
                "minimum": 80000,
                "target": 100000,
                "stretch": 120000,
                "company_id": company.id,
            }
            for user_id in user_ids
        ]
    )
    quotas.write({"state": "confirmed"})
    rng = np.random.default_rng(args.seed)
    env["crm.lead"].create(
        [
            {
                "name": f"Bench key deal {index}",
                "type": "opportunity",
                "priority": str(rng.integers(1, 4)),
                "user_id": int(user_ids[index % len(user_ids)]),
                "team_id": team.id,
                "company_id": company.id,
            }
            for index in range(500)
        ]
    )
    env.flush_all()
    return team, quarter, small, small_users


def load_invoices(cr, ctx, args, user_team, partner_start, today, rng):
    """Invoices of the last five months, half paid; payments reconciled."""
    count = args.invoices
    move_start = reserve_ids(cr, "account_move", count)
    ids = np.arange(move_start, move_start + count)
    age = rng.integers(0, 150, count)
    amount = np.round(rng.lognormal(7.5, 0.8, count), 2)
    draw = rng.random(count)
    paid = np.where(
        draw < 0.5, amount, np.where(draw < 0.65, np.round(amount * 0.4, 2), 0)
    )
    pay_age = np.floor(age * rng.random(count)).astype(int)
    move_date = np.datetime64(today) - age.astype("timedelta64[D]")
    pay_date = np.datetime64(today) - pay_age.astype("timedelta64[D]")
    stage_user_teams(cr, user_team)
    stage_moves(
        cr,
        ids,
        partner_start + rng.integers(0, args.customers, count),
        move_date,
        ["f"] * count,
        [1] * count,
        amount,
        paid,
        pay_date,
    )
    cr.execute(
        """CREATE TEMP TABLE bench_move_sign ON COMMIT DROP AS
           SELECT id, -1 AS sign, (amount - paid) / amount AS unpaid
             FROM bench_stage_move"""
    )
    cr.execute("ALTER TABLE bench_move_sign ADD PRIMARY KEY (id)")
    cr.execute("ANALYZE bench_stage_move")
    params = dict(ctx, code=ctx["journal_code"])
    cr.execute(INSERT_MOVES, params)
    log(f"account_move: {cr.rowcount} invoices")
    cr.execute(INSERT_TERM_LINES, params)
    log(f"account_move_line: {cr.rowcount} receivable lines")
    cr.execute("ANALYZE account_move")
    cr.execute("ANALYZE account_move_line")
    paid_moves = np.nonzero(paid > 0)[0]
    payments = {
        "invoice": ids[paid_moves],
        "amount": paid[paid_moves],
        "age": pay_age[paid_moves],
    }
    load_quota_payments(cr, params, payments, today)


def load_activities(cr, ctx, args, user_ids, partner_start, today):
    """Logged interactions over the quarter so far, planned ones ahead."""
    start, _end = quarter_of(today)
    days = max((today - start).days, 1)
    cr.execute(
        """
        INSERT INTO sales_activity (
            partner_id, commercial_partner_id, user_id, team_id, company_id, name,
            kind, outcome, is_effective, date, duration, create_uid, write_uid,
            create_date, write_date)
        SELECT p, p, (%(users)s::int[])[1 + n %% %(user_count)s], NULL,
               %(company)s, 'Bench call ' || n,
               (ARRAY['call', 'call', 'call', 'visit', 'email'])[1 + n %% 5],
               (ARRAY['reached', 'no_answer', 'interested'])[1 + n %% 3],
               n %% 3 <> 1,
               %(start)s::timestamp + (random() * %(days)s) * interval '1 day',
               0.2, 1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
          FROM (SELECT n, %(partner_start)s + (random() * (%(customers)s - 1))::int AS p
                  FROM generate_series(1, %(count)s) n) src
        """,
        {
            "users": user_ids,
            "user_count": len(user_ids),
            "company": ctx["company"],
            "start": start,
            "days": days,
            "partner_start": partner_start,
            "customers": args.customers,
            "count": args.activities,
        },
    )
    log(f"sales_activity: {cr.rowcount} logged interactions")
    cr.execute("SELECT id FROM ir_model WHERE model = 'res.partner'")
    partner_model = cr.fetchone()[0]
    cr.execute(
        "SELECT res_id FROM ir_model_data "
        "WHERE module = 'mail' AND name = 'mail_activity_data_call'"
    )
    call_type = cr.fetchone()[0]
    cr.execute(
        """
        INSERT INTO mail_activity (
            res_model_id, res_model, res_id, res_name, activity_type_id, user_id,
            summary, date_deadline, automated, active, create_uid, write_uid,
            create_date, write_date, sales_planned_count)
        SELECT %(model)s, 'res.partner',
               %(partner_start)s + (random() * (%(customers)s - 1))::int,
               'Bench customer', %(type)s, u, 'Bench planned call', d, FALSE, TRUE,
               1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', 1
          FROM unnest(%(users)s::int[]) u
         CROSS JOIN generate_series(%(today)s::date, %(today)s::date + 20, '1 day') d
         CROSS JOIN LATERAL generate_series(1, 20 + (random() * 25)::int + 0 * u) k
        """,
        {
            "model": partner_model,
            "partner_start": partner_start,
            "customers": args.customers,
            "type": call_type,
            "users": user_ids,
            "today": today,
        },
    )
    log(f"mail_activity: {cr.rowcount} planned activities")
    cr.execute("SELECT to_regclass('sales_problem') IS NOT NULL")
    if cr.fetchone()[0]:
        # the key problems of the daily reviews, when that model is installed
        cr.execute(
            """
            INSERT INTO sales_problem (
                name, user_id, company_id, state, date_raised, create_uid,
                write_uid, create_date, write_date)
            SELECT 'Bench problem ' || n, (%(users)s::int[])[1 + n %% %(count)s],
                   %(company)s,
                   (ARRAY['open', 'open', 'escalated', 'solved'])[1 + n %% 4],
                   %(today)s::date - (random() * 60)::int, 1, 1,
                   now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
              FROM generate_series(1, 2000) n
            """,
            {
                "users": user_ids,
                "count": len(user_ids),
                "company": ctx["company"],
                "today": today,
            },
        )
        log(f"sales_problem: {cr.rowcount} problems")
    cr.execute("ANALYZE sales_activity")
    cr.execute("ANALYZE mail_activity")


def main(argv=None):
    args = parse_args(argv)
    registry = bootstrap(args.db)
    from odoo import SUPERUSER_ID, api

    signature = json.dumps(vars(args) | {"db": None, "if_missing": None})
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        param = env["ir.config_parameter"]
        if param.get_param(DATASET_PARAM):
            if args.if_missing:
                log("the VP dashboard dataset is already loaded")
                return 0
            sys.exit("error: the dataset is already loaded; use a fresh database")
        today = date.today()
        rng = np.random.default_rng(args.seed)
        ctx = load_context(env)
        user_ids = ensure_salespeople(env, args.salespeople)
        team, quarter, small, small_ids = orm_setup(env, args, user_ids, today)
        log(f"{len(user_ids)} salespeople in {team.name}, quarter {quarter.name}")
        fast = skip_foreign_key_checks(cr)
        # the small team works like the large one, to compare query counts
        user_team = {user_id: team.id for user_id in user_ids}
        user_team.update({user_id: small.id for user_id in small_ids})
        # invoices go to their customer's salesperson
        partner_start = load_customers(cr, ctx, args, list(user_team))
        log(f"res_partner: {args.customers} customers")
        load_invoices(cr, ctx, args, user_team, partner_start, today, rng)
        load_activities(cr, ctx, args, list(user_team), partner_start, today)
        if fast:
            cr.execute("SET LOCAL session_replication_role = origin")
        param.set_param(DATASET_PARAM, signature)
        cr.commit()
    log("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
