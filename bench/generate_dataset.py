#!/usr/bin/env python3
# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Load a tiering benchmark dataset into a database with sales_model_crm.

Salespeople are created through the ORM (there are few); customers, invoices,
their lines and the customer payments are bulk-loaded: numbers are drawn with
numpy, streamed with COPY into temporary staging tables, and expanded into
res_partner / account_move / account_move_line / account_payment by
INSERT ... SELECT statements whose constants are query parameters.

Revenue is skewed: each customer draws a lognormal weight (sigma 1.683 gives
a top-20 % share of 80 %); bigger customers get both more invoices and bigger
lines. Each invoice has k product lines and k payment_term lines (instalments),
so half of account_move_line is what the engine filters out.

With --quota, the dataset is the quota actuals benchmark's instead: the same
customers and invoices (on products of a category tree, attributed to
salespeople in teams and to agents), one receivable line per invoice
reconciled with payments that have their journal entries
(account_partial_reconcile), confirmed sale orders and open quotations,
assessment periods and confirmed quota lines over one quarter and its months.
"""

import argparse
import io
import json
import sys
from datetime import date, timedelta

import numpy as np
from _common import (
    DATASET_PARAM,
    bootstrap,
    copy_rows,
    dataset_sizes,
    ensure_salespeople,
    log,
    reserve_ids,
    skip_foreign_key_checks,
)

# Top 20 % share of a lognormal population is Phi(sigma - z_0.8) = 0.8.
PARETO_SIGMA = 1.683


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument(
        "--quota",
        action="store_true",
        help="load the quota actuals benchmark's dataset (smaller defaults)",
    )
    parser.add_argument(
        "--size",
        help="a dataset size of data/datasets.json: tiering (the default), "
        "quota (the default with --quota), quota_full (implies --quota)",
    )
    parser.add_argument("--customers", type=int, help="20000 (quota: 5000)")
    parser.add_argument(
        "--invoice-lines",
        type=int,
        help="product lines (the engine's rows); as many payment_term lines "
        "are added, one per invoice with --quota (1000000; quota: 50000)",
    )
    parser.add_argument(
        "--lines-per-invoice",
        type=float,
        help="mean product lines per invoice (4; quota: 5)",
    )
    parser.add_argument("--years", type=float, default=2)
    parser.add_argument("--salespeople", type=int, help="20 (quota: 200)")
    parser.add_argument("--refund-ratio", type=float, default=0.03)
    parser.add_argument("--partial-payment-ratio", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=42)
    quota = parser.add_argument_group("quota dataset (with --quota)")
    quota.add_argument("--teams", type=int, default=20)
    quota.add_argument("--agents", type=int, default=50)
    quota.add_argument(
        "--agent-customer-ratio",
        type=float,
        default=0.3,
        help="share of the customers served by an agent",
    )
    quota.add_argument(
        "--split-payment-ratio",
        type=float,
        default=0.55,
        help="share of the paid invoices paid in two payments",
    )
    quota.add_argument(
        "--sale-lines",
        type=int,
        help="lines of confirmed sale orders (5000; full size: 100000)",
    )
    quota.add_argument(
        "--quotation-ratio",
        type=float,
        default=0.1,
        help="open quotations, as a share of the confirmed orders",
    )
    quota.add_argument("--quota-lines", type=int, default=2000)
    parser.add_argument(
        "--if-missing",
        action="store_true",
        help="exit quietly when the same dataset is already loaded",
    )
    args = parser.parse_args(argv)
    args.quota = args.quota or (args.size or "").startswith("quota")
    size = args.size or ("quota" if args.quota else "tiering")
    for key, value in dataset_sizes("generate_dataset.py", size).items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    return args


# --- Odoo side: context and salespeople


def load_context(env):
    company = env.ref("base.main_company")
    journal = env["account.journal"].search(
        [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1
    )
    bank = env["account.journal"].search(
        [("type", "=", "bank"), ("company_id", "=", company.id)], limit=1
    )
    if not journal or not bank or not journal.default_account_id:
        sys.exit(
            "error: the company has no sales/bank journal: install a chart of "
            "accounts (Accounting settings) first."
        )
    receivable = env["account.account"].search(
        [
            ("account_type", "=", "asset_receivable"),
            ("company_ids", "in", company.id),
            ("deprecated", "=", False),
        ],
        order="code",
        limit=1,
    )
    method_line = bank.inbound_payment_method_line_ids[:1]
    out_method_line = bank.outbound_payment_method_line_ids[:1]
    # where a payment's journal entry puts the money until the bank matches it
    outstanding = (
        method_line.payment_account_id
        or env["account.chart.template"]
        .with_company(company)
        .ref("account_journal_payment_debit_account_id", raise_if_not_found=False)
        or company.transfer_account_id
    )
    return {
        "company": company.id,
        "currency": company.currency_id.id,
        "journal": journal.id,
        "journal_code": journal.code,
        "income": journal.default_account_id.id,
        "receivable": receivable.id,
        "bank": bank.id,
        "bank_code": bank.code,
        "in_line": method_line.id,
        "in_method": method_line.payment_method_id.id,
        "out_line": out_method_line.id,
        "out_method": out_method_line.payment_method_id.id,
        "outstanding": outstanding.id,
        "customer_kind": env.ref("sales_model_crm.sales_partner_kind_customer").id,
    }


# --- dataset drawing (numpy)


def draw_dataset(args, today, rng):
    customers, lines = args.customers, args.invoice_lines
    weight = rng.lognormal(0.0, PARETO_SIGMA, customers)
    # lines per move: 1 + Poisson, trimmed to the requested total
    per_move = 1 + rng.poisson(args.lines_per_invoice - 1, lines // 2 + 10)
    cumulative = np.cumsum(per_move)
    moves = int(np.searchsorted(cumulative, lines) + 1)
    per_move = per_move[:moves]
    per_move[-1] -= cumulative[moves - 1] - lines
    # big customers invoice more often (weight^0.6) and bigger (weight^0.4)
    frequency = weight**0.6
    move_customer = rng.choice(customers, moves, p=frequency / frequency.sum())
    days = int(round(args.years * 365.25))
    move_age = np.sort(rng.integers(0, days, moves))[::-1]  # ids follow dates
    is_refund = rng.random(moves) < args.refund_ratio
    line_move = np.repeat(np.arange(moves), per_move)
    line_size = weight[move_customer[line_move]] ** 0.4
    line_amount = np.round(
        200.0
        * line_size
        * rng.lognormal(0.0, 0.5, lines)
        * np.where(is_refund[line_move], rng.uniform(0.2, 1.0, lines), 1.0),
        2,
    )
    line_amount = np.maximum(line_amount, 0.01)
    move_amount = np.bincount(line_move, weights=line_amount, minlength=moves)
    line_seq = np.arange(lines) - np.repeat(cumulative[:moves] - per_move, per_move)
    return {
        "weight": weight,
        "moves": moves,
        "move_customer": move_customer,
        "move_age": move_age,
        "is_refund": is_refund,
        "per_move": per_move,
        "move_amount": np.round(move_amount, 2),
        "line_move": line_move,
        "line_amount": line_amount,
        "line_seq": line_seq,
        "line_qty": rng.integers(1, 11, lines),
    }


def draw_payments(args, data, rng):
    """Who paid what: partial payments, full payments of older documents."""
    moves = data["moves"]
    partial = rng.random(moves) < args.partial_payment_ratio
    delay = rng.integers(5, 61, moves)
    # documents old enough are paid in full unless partially paid
    paid_full = ~partial & (data["move_age"] > delay)
    fraction = np.where(partial, rng.uniform(0.2, 0.9, moves), 0.0)
    fraction = np.where(paid_full, 1.0, fraction)
    paid = np.round(data["move_amount"] * fraction, 2)
    pay_age = np.maximum(data["move_age"] - delay, 0)
    return paid, pay_age


# --- SQL expansion of the staging tables


INSERT_CUSTOMERS = """
INSERT INTO res_partner (
    id, name, complete_name, commercial_company_name, ref, email, lang, type,
    active, is_company, partner_share, employee, customer_rank, supplier_rank,
    user_id, commercial_partner_id, sales_primary_kind_id, autopost_bills, color,
    create_uid, write_uid, create_date, write_date)
SELECT id, name, name, name, 'BENCH-' || lpad(n::text, 7, '0'),
       'customer' || n || '@bench.example.com', 'en_US', 'contact',
       TRUE, TRUE, TRUE, FALSE, 1, 0,
       (%(users)s::int[])[1 + (n - 1) %% %(user_count)s], id, %(kind)s, 'ask', 0,
       1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
  FROM (SELECT %(start)s + n - 1 AS id, n,
               'Bench Customer ' || lpad(n::text, 7, '0') AS name
          FROM generate_series(1, %(count)s) n) src
"""

INSERT_MOVES = """
INSERT INTO account_move (
    id, name, sequence_prefix, sequence_number, journal_id, company_id,
    currency_id, partner_id, commercial_partner_id, invoice_user_id, team_id,
    sales_agent_id, invoice_partner_display_name, state, move_type, auto_post,
    payment_state,
    date, invoice_date, invoice_date_due, invoice_currency_rate,
    amount_untaxed, amount_tax, amount_total, amount_residual,
    amount_untaxed_signed, amount_untaxed_in_currency_signed, amount_tax_signed,
    amount_total_signed, amount_total_in_currency_signed, amount_residual_signed,
    always_tax_exigible, is_storno, checked, posted_before, made_sequence_gap,
    is_manually_modified, is_move_sent,
    create_uid, write_uid, create_date, write_date)
SELECT m.id, m.prefix || lpad(m.seq_no::text, 8, '0'), m.prefix, m.seq_no,
       %(journal)s, %(company)s,
       %(currency)s, m.partner_id, m.partner_id, p.user_id, ut.team_id,
       p.sales_agent_id, p.name, 'posted', m.move_type, 'no',
       CASE WHEN m.paid >= m.amount THEN 'paid'
            WHEN m.paid > 0 THEN 'partial' ELSE 'not_paid' END,
       m.date, m.date, m.date + 30 * m.lines, 1,
       m.amount, 0, m.amount, m.amount - m.paid,
       m.sign * m.amount, m.sign * m.amount, 0,
       m.sign * m.amount, m.sign * m.amount, m.sign * (m.amount - m.paid),
       FALSE, FALSE, TRUE, TRUE, FALSE, FALSE, TRUE,
       1, 1, m.date, m.date
  FROM (SELECT s.*,
               CASE WHEN s.refund THEN -1 ELSE 1 END AS sign,
               CASE WHEN s.refund THEN 'out_refund' ELSE 'out_invoice' END
                   AS move_type,
               CASE WHEN s.refund THEN 'R' ELSE '' END || %(code)s || '/'
                   || to_char(s.date, 'YYYY') || '/' AS prefix,
               ROW_NUMBER() OVER (PARTITION BY s.refund, date_trunc('year', s.date)
                                  ORDER BY s.id) AS seq_no
          FROM bench_stage_move s) m
  JOIN res_partner p ON p.id = m.partner_id
  LEFT JOIN bench_user_team ut ON ut.user_id = p.user_id
"""

INSERT_LINES_COLUMNS = """
INSERT INTO account_move_line (
    move_id, move_name, sequence, journal_id, company_id, company_currency_id,
    currency_id, account_id, partner_id, display_type, parent_state, name,
    date, invoice_date, date_maturity, quantity, price_unit, discount,
    price_subtotal, price_total, balance, debit, credit, amount_currency,
    amount_residual, amount_residual_currency, tax_base_amount, reconciled,
    is_downpayment, tax_tag_invert, create_uid, write_uid, create_date,
    write_date, product_id)
"""

# product lines (on a product with --quota, none for the tiering dataset)
INSERT_PRODUCT_LINES = (
    INSERT_LINES_COLUMNS
    + """
SELECT l.move_id, mv.name, 10 + l.seq, %(journal)s, %(company)s, %(currency)s,
       %(currency)s, %(income)s, mv.partner_id, 'product', 'posted',
       'Bench product ' || (l.seq + 1), mv.date, mv.date, NULL, l.qty,
       round(l.amount / l.qty, 2), 0, l.amount, l.amount,
       s.sign * l.amount, GREATEST(s.sign * l.amount, 0),
       GREATEST(-s.sign * l.amount, 0), s.sign * l.amount,
       0, 0, 0, FALSE, FALSE, FALSE, 1, 1, mv.date, mv.date,
       NULLIF(l.product, 0)
  FROM bench_stage_line l
  JOIN bench_move_sign s ON s.id = l.move_id
  JOIN account_move mv ON mv.id = l.move_id
"""
)

# the tiering dataset: one payment_term line per product line (instalments)
INSERT_INSTALMENT_LINES = (
    INSERT_LINES_COLUMNS
    + """
SELECT l.move_id, mv.name, 1000 + l.seq, %(journal)s, %(company)s, %(currency)s,
       %(currency)s, %(receivable)s, mv.partner_id, 'payment_term', 'posted',
       mv.name || ' instalment ' || (l.seq + 1), mv.date, mv.date,
       mv.date + 30 * (l.seq + 1), 1, 0, 0, 0, 0,
       -s.sign * l.amount, GREATEST(-s.sign * l.amount, 0),
       GREATEST(s.sign * l.amount, 0), -s.sign * l.amount,
       -s.sign * round(l.amount * s.unpaid, 2), -s.sign * round(l.amount * s.unpaid, 2),
       0, s.unpaid = 0, FALSE, FALSE, 1, 1, mv.date, mv.date, NULL
  FROM bench_stage_line l
  JOIN bench_move_sign s ON s.id = l.move_id
  JOIN account_move mv ON mv.id = l.move_id
"""
)

# the quota dataset: one payment_term line per invoice, so that a payment is
# reconciled with it by one account_partial_reconcile row
INSERT_TERM_LINES = (
    INSERT_LINES_COLUMNS
    + """
SELECT m.id, mv.name, 1000, %(journal)s, %(company)s, %(currency)s,
       %(currency)s, %(receivable)s, mv.partner_id, 'payment_term', 'posted',
       mv.name, mv.date, mv.date, mv.date + 30, 1, 0, 0, 0, 0,
       -s.sign * m.amount, GREATEST(-s.sign * m.amount, 0),
       GREATEST(s.sign * m.amount, 0), -s.sign * m.amount,
       -s.sign * (m.amount - m.paid), -s.sign * (m.amount - m.paid),
       0, m.paid >= m.amount, FALSE, FALSE, 1, 1, mv.date, mv.date, NULL
  FROM bench_stage_move m
  JOIN bench_move_sign s ON s.id = m.id
  JOIN account_move mv ON mv.id = m.id
"""
)

INSERT_PAYMENTS = """
INSERT INTO account_payment (
    name, journal_id, company_id, payment_method_line_id, payment_method_id,
    currency_id, partner_id, destination_account_id, state, payment_type,
    partner_type, memo, date, amount, amount_company_currency_signed,
    is_reconciled, is_matched, is_sent, create_uid, write_uid, create_date,
    write_date)
SELECT 'P' || %(bank_code)s || '/' || to_char(s.pay_date, 'YYYY') || '/'
           || lpad(ROW_NUMBER() OVER (PARTITION BY date_trunc('year', s.pay_date)
                                      ORDER BY s.pay_date, s.id)::text, 7, '0'),
       %(bank)s, %(company)s,
       CASE WHEN s.refund THEN %(out_line)s ELSE %(in_line)s END,
       CASE WHEN s.refund THEN %(out_method)s ELSE %(in_method)s END,
       %(currency)s, s.partner_id, %(receivable)s,
       CASE WHEN s.pay_date < %(in_process_before)s THEN 'paid'
            ELSE 'in_process' END,
       CASE WHEN s.refund THEN 'outbound' ELSE 'inbound' END, 'customer',
       mv.name, s.pay_date, s.paid,
       CASE WHEN s.refund THEN -s.paid ELSE s.paid END,
       s.pay_date < %(in_process_before)s, s.pay_date < %(in_process_before)s,
       FALSE, 1, 1, s.pay_date, s.pay_date
  FROM bench_stage_move s
  JOIN account_move mv ON mv.id = s.id
 WHERE s.paid > 0
"""


def load_customers(cr, ctx, args, user_ids):
    start = reserve_ids(cr, "res_partner", args.customers)
    cr.execute(
        INSERT_CUSTOMERS,
        {
            "users": user_ids,
            "user_count": len(user_ids),
            "kind": ctx["customer_kind"],
            "start": start,
            "count": args.customers,
        },
    )
    cr.execute(
        """INSERT INTO res_partner_sales_kind_rel (partner_id, kind_id)
           SELECT id, %s FROM generate_series(%s::int, %s::int) id""",
        (ctx["customer_kind"], start, start + args.customers - 1),
    )
    return start


def stage_user_teams(cr, user_team):
    """Stage {salesperson id: team id} as bench_user_team, which the INSERTs
    of invoices and orders read to set each document's team."""
    cr.execute(
        "CREATE TEMP TABLE bench_user_team (user_id int PRIMARY KEY, team_id int) "
        "ON COMMIT DROP"
    )
    copy_rows(
        cr,
        "bench_user_team",
        ("user_id", "team_id"),
        (list(user_team), list(user_team.values())),
    )


def stage_moves(cr, *columns):
    """Stage the moves INSERT_MOVES reads (bench_stage_move), one column each.

    ``columns``: id, partner_id, date, refund ("t"/"f"), lines, amount, paid,
    pay_date.
    """
    cr.execute(
        """CREATE TEMP TABLE bench_stage_move (
               id int PRIMARY KEY, partner_id int, date date, refund boolean,
               lines int, amount numeric, paid numeric, pay_date date)
           ON COMMIT DROP"""
    )
    copy_rows(
        cr,
        "bench_stage_move",
        ("id", "partner_id", "date", "refund", "lines", "amount", "paid", "pay_date"),
        columns,
    )


def stage(cr, args, data, paid, pay_age, partner_start, today):
    moves = data["moves"]
    move_start = reserve_ids(cr, "account_move", moves)
    move_ids = np.arange(move_start, move_start + moves)
    move_date = np.datetime64(today) - data["move_age"].astype("timedelta64[D]")
    pay_date = np.datetime64(today) - pay_age.astype("timedelta64[D]")
    stage_moves(
        cr,
        move_ids,
        partner_start + data["move_customer"],
        move_date,
        np.where(data["is_refund"], "t", "f"),
        data["per_move"],
        data["move_amount"],
        paid,
        pay_date,
    )
    cr.execute(
        """CREATE TEMP TABLE bench_stage_line (
               move_id int, seq int, qty int, amount numeric, product int)
           ON COMMIT DROP"""
    )
    copy_rows(
        cr,
        "bench_stage_line",
        ("move_id", "seq", "qty", "amount", "product"),
        (
            move_start + data["line_move"],
            data["line_seq"],
            data["line_qty"],
            data["line_amount"],
            data.get("line_product", np.zeros(len(data["line_move"]), dtype=int)),
        ),
    )
    cr.execute(
        """CREATE TEMP TABLE bench_move_sign ON COMMIT DROP AS
           SELECT id, CASE WHEN refund THEN 1 ELSE -1 END AS sign,
                  CASE WHEN amount > 0 THEN (amount - paid) / amount ELSE 0 END
                      AS unpaid
             FROM bench_stage_move"""
    )
    cr.execute("ALTER TABLE bench_move_sign ADD PRIMARY KEY (id)")
    cr.execute("ANALYZE bench_stage_move")
    cr.execute("ANALYZE bench_stage_line")
    cr.execute("ANALYZE bench_move_sign")
    return move_start


# --- quota dataset: owners, products and periods (ORM, a few hundred records)

QUOTA_PROVINCES = 4  # top regions, 3 cities each
QUOTA_PRODUCT_LINES = 4  # top product categories, 3 sub-categories each
QUOTA_PRODUCTS_PER_CATEGORY = 5


def quota_setup(env, args, user_ids, today):
    """Teams, regions, product categories, products, agents and periods."""
    from odoo import Command

    company = env.ref("base.main_company")
    per_team = -(-len(user_ids) // args.teams)
    team_members = [
        user_ids[t * per_team : (t + 1) * per_team] for t in range(args.teams)
    ]
    teams = env["crm.team"].create(
        [
            {
                "name": f"Bench Team {t + 1:02d}",
                "company_id": company.id,
                "user_id": members[0] if members else False,
                "member_ids": [Command.set(members)],
            }
            for t, members in enumerate(team_members)
        ]
    )
    user_team = {
        user: team.id
        for team, members in zip(teams, team_members, strict=True)
        for user in members
    }
    regions = env["sales.region"]
    provinces = regions.create(
        [{"name": f"Bench Province {n + 1}"} for n in range(QUOTA_PROVINCES)]
    )
    cities = regions.create(
        [
            {"name": f"Bench City {p + 1}-{n + 1}", "parent_id": province.id}
            for p, province in enumerate(provinces)
            for n in range(3)
        ]
    )
    root = env.ref("product.product_category_all")
    lines = env["product.category"].create(
        [
            {"name": f"Bench Line {n + 1}", "parent_id": root.id}
            for n in range(QUOTA_PRODUCT_LINES)
        ]
    )
    categories = env["product.category"].create(
        [
            {"name": f"Bench Family {p + 1}-{n + 1}", "parent_id": line.id}
            for p, line in enumerate(lines)
            for n in range(3)
        ]
    )
    products = env["product.product"].create(
        [
            {
                "name": f"Bench Product {c + 1:02d}-{n + 1}",
                "categ_id": category.id,
                "type": "consu",
                "list_price": 50.0 * (1 + (c * 7 + n) % 9),
            }
            for c, category in enumerate(categories)
            for n in range(QUOTA_PRODUCTS_PER_CATEGORY)
        ]
    )
    agent_kind = env.ref("sales_model_crm.sales_partner_kind_agent")
    agents = env["res.partner"].create(
        [
            {
                "name": f"Bench Agent {n + 1:02d}",
                "is_company": True,
                "sales_kind_ids": [Command.set(agent_kind.ids)],
                "sales_region_id": cities[n % len(cities)].id,
            }
            for n in range(args.agents)
        ]
    )
    return {
        "company": company,
        "teams": teams.ids,
        "user_team": user_team,
        "provinces": provinces.ids,
        "cities": cities.ids,
        "lines": lines.ids,
        "products": products.ids,
        "product_price": np.array(products.mapped("list_price")),
        "agents": agents.ids,
        "uom": env.ref("uom.product_uom_unit").id,
        "periods": quota_periods(env, company, today),
    }


def quota_periods(env, company, today):
    """A year of months and quarters; the quotas are set on the last full quarter."""
    quarter_start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    last_quarter = date.fromordinal(quarter_start.toordinal() - 1)
    year = last_quarter.year
    types = env["date.range.type"].create(
        [
            {"name": "Bench Month", "sales_cycle": "month", "company_id": company.id},
            {
                "name": "Bench Quarter",
                "sales_cycle": "quarter",
                "company_id": company.id,
            },
        ]
    )

    def month_end(start, months):
        end_month = start.month + months
        end = date(start.year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1)
        return date.fromordinal(end.toordinal() - 1)

    vals = []
    for month in range(1, 13):
        start = date(year, month, 1)
        vals.append(
            {
                "name": f"Bench {year}-{month:02d}",
                "type_id": types[0].id,
                "date_start": start,
                "date_end": month_end(start, 1),
                "company_id": company.id,
            }
        )
    for quarter in range(4):
        start = date(year, 3 * quarter + 1, 1)
        vals.append(
            {
                "name": f"Bench {year}-Q{quarter + 1}",
                "type_id": types[1].id,
                "date_start": start,
                "date_end": month_end(start, 3),
                "company_id": company.id,
            }
        )
    ranges = env["date.range"].create(vals)
    chosen = (last_quarter.month - 1) // 3
    quarter = ranges[12 + chosen]
    months = ranges[3 * chosen : 3 * chosen + 3]
    return [
        (period.id, period.name, period.date_start, period.date_end, period.type_id.id)
        for period in quarter | months
    ]


# --- quota dataset: customers' regions and agents, products of the lines


def quota_customers(cr, args, setup, partner_start, rng):
    """Each customer gets a city; a share of them an agent."""
    customers = args.customers
    city = np.array(setup["cities"])[rng.integers(0, len(setup["cities"]), customers)]
    agent = np.where(
        rng.random(customers) < args.agent_customer_ratio,
        np.array(setup["agents"])[rng.integers(0, len(setup["agents"]), customers)],
        0,
    )
    cr.execute(
        """CREATE TEMP TABLE bench_stage_customer (
               id int PRIMARY KEY, region int, agent int) ON COMMIT DROP"""
    )
    copy_rows(
        cr,
        "bench_stage_customer",
        ("id", "region", "agent"),
        (np.arange(partner_start, partner_start + customers), city, agent),
    )
    cr.execute(
        """UPDATE res_partner p
              SET sales_region_id = s.region, sales_agent_id = NULLIF(s.agent, 0)
             FROM bench_stage_customer s
            WHERE p.id = s.id"""
    )


def draw_line_products(setup, lines, rng):
    """Products of the invoice lines: a few sell much more than the others."""
    products = np.array(setup["products"])
    popularity = rng.lognormal(0.0, 1.0, len(products))
    return rng.choice(products, lines, p=popularity / popularity.sum())


# --- quota dataset: payments with their journal entries, reconciled


def draw_quota_payments(args, data, paid, pay_age, move_start, rng):
    """Payments of the invoices: one, or two for --split-payment-ratio.

    The last payment is made on the invoice's payment date; the first of two
    somewhere between the invoice date and it.
    """
    paid_moves = np.nonzero(paid > 0)[0]
    count = len(paid_moves)
    amount = paid[paid_moves]
    split = (rng.random(count) < args.split_payment_ratio) & (amount >= 1.0)
    first = np.where(split, np.round(amount * rng.uniform(0.3, 0.7, count), 2), amount)
    gap = data["move_age"][paid_moves] - pay_age[paid_moves]
    first_age = pay_age[paid_moves] + (rng.random(count) * (gap + 1)).astype(int)
    first_age = np.where(split, first_age, pay_age[paid_moves])
    second = np.nonzero(split)[0]
    return {
        "invoice": np.concatenate(
            [move_start + paid_moves, move_start + paid_moves[second]]
        ),
        "amount": np.concatenate([first, np.round(amount[second] - first[second], 2)]),
        "age": np.concatenate([first_age, pay_age[paid_moves][second]]),
    }


INSERT_PAYMENT_MOVES = """
INSERT INTO account_move (
    id, name, sequence_prefix, sequence_number, journal_id, company_id,
    currency_id, partner_id, commercial_partner_id, state, move_type, auto_post,
    payment_state, date, origin_payment_id, invoice_currency_rate,
    amount_untaxed, amount_tax, amount_total, amount_residual,
    amount_untaxed_signed, amount_untaxed_in_currency_signed, amount_tax_signed,
    amount_total_signed, amount_total_in_currency_signed, amount_residual_signed,
    always_tax_exigible, is_storno, checked, posted_before, made_sequence_gap,
    is_manually_modified, is_move_sent,
    create_uid, write_uid, create_date, write_date)
SELECT p.move_id, p.prefix || lpad(p.seq_no::text, 7, '0'), p.prefix, p.seq_no,
       %(bank)s, %(company)s, %(currency)s, p.partner_id, p.partner_id,
       'posted', 'entry', 'no', 'not_paid', p.pay_date, p.id, 1,
       0, 0, p.amount, 0, 0, 0, 0, p.amount, p.amount, 0,
       TRUE, FALSE, TRUE, TRUE, FALSE, FALSE, FALSE,
       1, 1, p.pay_date, p.pay_date
  FROM (SELECT s.*, 'P' || %(bank_code)s || '/' || to_char(s.pay_date, 'YYYY') || '/'
                   AS prefix,
               ROW_NUMBER() OVER (PARTITION BY date_trunc('year', s.pay_date)
                                  ORDER BY s.pay_date, s.id) AS seq_no
          FROM bench_stage_payment s) p
"""

INSERT_QUOTA_PAYMENTS = """
INSERT INTO account_payment (
    id, move_id, name, journal_id, company_id, payment_method_line_id,
    payment_method_id, currency_id, partner_id, outstanding_account_id,
    destination_account_id, state, payment_type, partner_type, memo, date,
    amount, amount_company_currency_signed, is_reconciled, is_matched, is_sent,
    create_uid, write_uid, create_date, write_date)
SELECT s.id, s.move_id, pm.name, %(bank)s, %(company)s,
       CASE WHEN s.refund THEN %(out_line)s ELSE %(in_line)s END,
       CASE WHEN s.refund THEN %(out_method)s ELSE %(in_method)s END,
       %(currency)s, s.partner_id, %(outstanding)s, %(receivable)s, 'paid',
       CASE WHEN s.refund THEN 'outbound' ELSE 'inbound' END, 'customer',
       inv.name, s.pay_date, s.amount,
       CASE WHEN s.refund THEN -s.amount ELSE s.amount END,
       TRUE, TRUE, FALSE, 1, 1, s.pay_date, s.pay_date
  FROM bench_stage_payment s
  JOIN account_move pm ON pm.id = s.move_id
  JOIN account_move inv ON inv.id = s.invoice_id
"""

# the receivable line (reconciled with the invoice's) and the outstanding
# receipts (or payments) line of each payment's journal entry; a customer's
# payment credits the receivable, money paid back on a refund debits it
INSERT_PAYMENT_LINES = """
INSERT INTO account_move_line (
    move_id, move_name, sequence, journal_id, company_id, company_currency_id,
    currency_id, account_id, partner_id, payment_id, display_type, parent_state,
    name, date, date_maturity, quantity, price_unit, discount, price_subtotal,
    price_total, balance, debit, credit, amount_currency, amount_residual,
    amount_residual_currency, tax_base_amount, reconciled, is_downpayment,
    tax_tag_invert, create_uid, write_uid, create_date, write_date)
SELECT s.move_id, pm.name, l.seq, %(bank)s, %(company)s, %(currency)s,
       %(currency)s, CASE WHEN l.seq = 1 THEN %(receivable)s ELSE %(outstanding)s END,
       s.partner_id, s.id, 'product', 'posted', pm.name, s.pay_date, s.pay_date,
       0, 0, 0, 0, 0, l.sign * x.balance, GREATEST(l.sign * x.balance, 0),
       GREATEST(-l.sign * x.balance, 0), l.sign * x.balance,
       CASE WHEN l.seq = 1 THEN 0 ELSE l.sign * x.balance END,
       CASE WHEN l.seq = 1 THEN 0 ELSE l.sign * x.balance END,
       0, l.seq = 1, FALSE, FALSE, 1, 1, s.pay_date, s.pay_date
  FROM bench_stage_payment s
  JOIN account_move pm ON pm.id = s.move_id
  CROSS JOIN LATERAL (SELECT CASE WHEN s.refund THEN s.amount ELSE -s.amount END
                          AS balance) x
  CROSS JOIN (VALUES (1, 1), (2, -1)) AS l(seq, sign)
 ORDER BY s.move_id, l.seq
"""

INSERT_PARTIALS = """
INSERT INTO account_partial_reconcile (
    debit_move_id, credit_move_id, debit_currency_id, credit_currency_id,
    company_id, max_date, amount, debit_amount_currency, credit_amount_currency,
    create_uid, write_uid, create_date, write_date)
SELECT CASE WHEN s.refund THEN pl.id ELSE il.id END,
       CASE WHEN s.refund THEN il.id ELSE pl.id END,
       %(currency)s, %(currency)s, %(company)s, GREATEST(inv.date, s.pay_date),
       s.amount, s.amount, s.amount, 1, 1, s.pay_date, s.pay_date
  FROM bench_stage_payment s
  JOIN bench_stage_move inv ON inv.id = s.invoice_id
  JOIN account_move_line pl
    ON pl.move_id = s.move_id AND pl.account_id = %(receivable)s
  JOIN account_move_line il
    ON il.move_id = s.invoice_id AND il.display_type = 'payment_term'
 ORDER BY s.pay_date, s.id
"""


def load_quota_payments(cr, params, payments, today):
    count = len(payments["invoice"])
    # ids follow the payment dates, as they would in a live database
    order = np.lexsort((payments["invoice"], -payments["age"]))
    payment_start = reserve_ids(cr, "account_payment", count)
    move_start = reserve_ids(cr, "account_move", count)
    pay_date = np.datetime64(today) - payments["age"][order].astype("timedelta64[D]")
    cr.execute(
        """CREATE TEMP TABLE bench_stage_payment (
               id int PRIMARY KEY, move_id int, invoice_id int, amount numeric,
               pay_date date) ON COMMIT DROP"""
    )
    copy_rows(
        cr,
        "bench_stage_payment",
        ("id", "move_id", "invoice_id", "amount", "pay_date"),
        (
            np.arange(payment_start, payment_start + count),
            np.arange(move_start, move_start + count),
            payments["invoice"][order],
            payments["amount"][order],
            pay_date,
        ),
    )
    cr.execute(
        """ALTER TABLE bench_stage_payment
               ADD COLUMN partner_id int, ADD COLUMN refund boolean"""
    )
    cr.execute(
        """UPDATE bench_stage_payment s
              SET partner_id = m.partner_id, refund = m.refund
             FROM bench_stage_move m WHERE m.id = s.invoice_id"""
    )
    cr.execute("ANALYZE bench_stage_payment")
    cr.execute(INSERT_PAYMENT_MOVES, params)
    log(f"account_move: {cr.rowcount} payment entries")
    cr.execute(INSERT_QUOTA_PAYMENTS, params)
    log(f"account_payment: {cr.rowcount} rows")
    cr.execute("ANALYZE account_move")
    cr.execute(INSERT_PAYMENT_LINES, params)
    log(f"account_move_line: {cr.rowcount} payment lines")
    cr.execute("ANALYZE account_move_line")
    cr.execute(INSERT_PARTIALS, params)
    log(f"account_partial_reconcile: {cr.rowcount} rows")


# --- quota dataset: sale orders


def draw_orders(args, data, setup, today, rng):
    """Confirmed orders (--sale-lines lines) and recent open quotations."""
    mean_lines = 4
    quote_share = args.quotation_ratio / (1 + args.quotation_ratio)
    lines = int(round(args.sale_lines / (1 - quote_share)))
    per_order = 1 + rng.poisson(mean_lines - 1, lines // 2 + 10)
    cumulative = np.cumsum(per_order)
    orders = int(np.searchsorted(cumulative, lines) + 1)
    per_order = per_order[:orders]
    per_order[-1] -= cumulative[orders - 1] - lines
    frequency = data["weight"] ** 0.6
    customer = rng.choice(args.customers, orders, p=frequency / frequency.sum())
    is_quote = rng.random(orders) < quote_share
    days = int(round(args.years * 365.25))
    age = np.where(is_quote, rng.integers(0, 45, orders), rng.integers(0, days, orders))
    # a time of day in UTC: evening orders fall on the next day in Shanghai
    seconds = rng.integers(0, 86400, orders)
    line_order = np.repeat(np.arange(orders), per_order)
    products = draw_line_products(setup, lines, rng)
    price_of = dict(zip(setup["products"], setup["product_price"], strict=True))
    base_price = np.array([price_of[product] for product in products])
    price = np.round(
        base_price
        * (data["weight"][customer[line_order]] ** 0.2)
        * rng.lognormal(0.0, 0.3, lines),
        2,
    )
    qty = rng.integers(1, 21, lines)
    return {
        "orders": orders,
        "customer": customer,
        "is_quote": is_quote,
        "age": age,
        "seconds": seconds,
        "line_order": line_order,
        "line_seq": np.arange(lines)
        - np.repeat(cumulative[:orders] - per_order, per_order),
        "product": products,
        "price": np.maximum(price, 0.01),
        "qty": qty,
    }


INSERT_ORDERS = """
INSERT INTO sale_order (
    id, name, company_id, partner_id, partner_invoice_id, partner_shipping_id,
    currency_id, user_id, team_id, sales_agent_id, state, invoice_status,
    date_order, validity_date, currency_rate, amount_untaxed, amount_tax,
    amount_total, locked, require_signature, require_payment,
    prepayment_percent, create_uid, write_uid, create_date, write_date)
SELECT o.id, 'S' || lpad(o.n::text, 7, '0'), %(company)s, o.partner_id,
       o.partner_id, o.partner_id, %(currency)s, p.user_id, ut.team_id,
       p.sales_agent_id, o.state,
       CASE WHEN o.state <> 'sale' THEN 'no'
            WHEN o.to_invoice > 0 THEN 'to invoice' ELSE 'invoiced' END,
       o.date_order, o.date_order::date + 30, 1.0, o.amount, 0, o.amount,
       FALSE, FALSE, FALSE, 1.0, 1, 1, o.date_order, o.date_order
  FROM (SELECT s.*, ROW_NUMBER() OVER (ORDER BY s.id) AS n
          FROM bench_stage_order s) o
  JOIN res_partner p ON p.id = o.partner_id
  LEFT JOIN bench_user_team ut ON ut.user_id = p.user_id
"""

INSERT_ORDER_LINES = """
INSERT INTO sale_order_line (
    order_id, sequence, company_id, currency_id, order_partner_id, salesman_id,
    product_id, product_uom, state, name, product_uom_qty, price_unit,
    discount, price_subtotal, price_total, price_reduce_taxexcl,
    price_reduce_taxinc, price_tax, technical_price_unit, qty_delivered,
    qty_delivered_method, qty_invoiced, qty_to_invoice, untaxed_amount_invoiced,
    untaxed_amount_to_invoice, invoice_status, is_downpayment, is_expense,
    customer_lead, create_uid, write_uid, create_date, write_date)
SELECT l.order_id, 10 + l.seq, %(company)s, %(currency)s, o.partner_id,
       o.user_id, l.product, %(uom)s, o.state, 'Bench order line ' || (l.seq + 1),
       l.qty, l.price, 0, l.qty * l.price, l.qty * l.price, l.price, l.price, 0,
       l.price, 0, 'manual',
       CASE WHEN o.state = 'sale' AND s.to_invoice = 0 THEN l.qty ELSE 0 END,
       CASE WHEN o.state = 'sale' AND s.to_invoice > 0 THEN l.qty ELSE 0 END,
       CASE WHEN o.state = 'sale' AND s.to_invoice = 0 THEN l.qty * l.price
            ELSE 0 END,
       CASE WHEN o.state = 'sale' AND s.to_invoice > 0 THEN l.qty * l.price
            ELSE 0 END,
       o.invoice_status, FALSE, FALSE, 0, 1, 1, o.date_order, o.date_order
  FROM bench_stage_order_line l
  JOIN bench_stage_order s ON s.id = l.order_id
  JOIN sale_order o ON o.id = l.order_id
"""


def load_orders(cr, params, orders, today):
    count = orders["orders"]
    start = reserve_ids(cr, "sale_order", count)
    # ids follow the order dates
    rank = np.argsort(-orders["age"] * 86400 + orders["seconds"], kind="stable")
    new_id = np.empty(count, dtype=np.int64)
    new_id[rank] = np.arange(start, start + count)
    midnight = np.datetime64(today, "s")
    date_order = (
        midnight
        - orders["age"].astype("timedelta64[D]")
        + orders["seconds"].astype("timedelta64[s]")
    )
    amount = np.bincount(
        orders["line_order"],
        weights=orders["qty"] * orders["price"],
        minlength=count,
    )
    # confirmed orders of the last 20 days are not invoiced yet
    to_invoice = np.where(~orders["is_quote"] & (orders["age"] < 20), 1, 0)
    cr.execute(
        """CREATE TEMP TABLE bench_stage_order (
               id int PRIMARY KEY, partner_id int, state varchar,
               date_order timestamp, amount numeric, to_invoice int)
           ON COMMIT DROP"""
    )
    copy_rows(
        cr,
        "bench_stage_order",
        ("id", "partner_id", "state", "date_order", "amount", "to_invoice"),
        (
            new_id,
            params["partner_start"] + orders["customer"],
            np.where(orders["is_quote"], "sent", "sale"),
            date_order,
            np.round(amount, 2),
            to_invoice,
        ),
    )
    cr.execute(
        """CREATE TEMP TABLE bench_stage_order_line (
               order_id int, seq int, product int, qty int, price numeric)
           ON COMMIT DROP"""
    )
    copy_rows(
        cr,
        "bench_stage_order_line",
        ("order_id", "seq", "product", "qty", "price"),
        (
            new_id[orders["line_order"]],
            orders["line_seq"],
            orders["product"],
            orders["qty"],
            orders["price"],
        ),
    )
    cr.execute("ANALYZE bench_stage_order")
    cr.execute("ANALYZE bench_stage_order_line")
    cr.execute(INSERT_ORDERS, params)
    log(f"sale_order: {cr.rowcount} rows")
    cr.execute("ANALYZE sale_order")
    cr.execute(INSERT_ORDER_LINES, params)
    log(f"sale_order_line: {cr.rowcount} rows")


# --- quota dataset: the quota lines


def quota_candidates(setup, args):
    """Groups of (share of the lines, candidate quotas), in a fixed order.

    Salespeople, teams and agents; a quarter and its months; the three
    amount bases; some with a region or a product line.
    """
    periods = [period[0] for period in setup["periods"]]  # quarter, months
    quarter = periods[:1]
    users = sorted(setup["user_team"])
    teams, agents = setup["teams"], setup["agents"]

    def combos(owner_type, owners, bases, period_list, dims=((None, None),)):
        return [
            (period, owner_type, owner, basis, region, categ)
            for period in period_list
            for basis in bases
            for region, categ in dims
            for owner in owners
        ]

    lines = [(None, categ) for categ in setup["lines"]]
    provinces = [(region, None) for region in setup["provinces"]]
    return [
        (0.30, combos("user", users, ["invoiced"], periods)),
        (0.15, combos("user", users, ["sales"], periods)),
        (0.15, combos("user", users, ["collected"], periods)),
        (
            0.12,
            combos("team", teams, ["invoiced", "sales", "collected"], periods),
        ),
        (
            0.15,
            combos("agent", agents, ["invoiced", "collected", "sales"], periods),
        ),
        (0.04, combos("team", teams, ["invoiced"], quarter, lines)),
        (0.02, combos("team", teams, ["collected"], quarter, lines)),
        (0.04, combos("team", teams, ["sales"], quarter, provinces)),
        (0.015, combos("user", users, ["invoiced"], quarter, provinces)),
        (0.015, combos("agent", agents, ["invoiced"], quarter, lines)),
    ]


def pick_quotas(setup, args):
    """``--quota-lines`` quotas, each group taking its share (first ones)."""
    groups = quota_candidates(setup, args)
    wanted = args.quota_lines
    counts = [int(share * wanted) for share, _candidates in groups]
    counts[0] += wanted - sum(counts)
    picked = []
    for (_share, candidates), count in zip(groups, counts, strict=True):
        picked.extend(candidates[:count])
    return picked


INSERT_QUOTAS = """
INSERT INTO sales_quota (
    name, company_id, period_id, date_start, date_end, period_type_id,
    owner_type, user_id, team_id, agent_id, region_id, product_category_id,
    basis, minimum, target, stretch, penalty_mode, reward_minimum_mode,
    reward_target_mode, reward_stretch_mode, penalty_value,
    reward_minimum_value, reward_target_value, reward_stretch_value, state,
    actual_amount, in_progress_amount, attainment, attainment_minimum,
    attainment_stretch, tier_reached, behind_pace, repeat_next_period,
    create_uid, write_uid, create_date, write_date)
SELECT s.name, %(company)s, s.period_id, r.date_start, r.date_end, r.type_id,
       s.owner_type, NULLIF(s.user_id, 0),
       COALESCE(NULLIF(s.team_id, 0), ut.team_id), NULLIF(s.agent_id, 0),
       NULLIF(s.region_id, 0), NULLIF(s.categ_id, 0), s.basis,
       round(0.8 * s.target, 2), s.target, round(1.2 * s.target, 2),
       'fixed', 'fixed', 'fixed', 'fixed', 0, 0, 0, 0, 'confirmed',
       0, 0, 0, 0, 0, 'none', FALSE, FALSE,
       1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
  FROM bench_stage_quota s
  JOIN date_range r ON r.id = s.period_id
  LEFT JOIN bench_user_team ut ON ut.user_id = s.user_id
"""


def load_quotas(cr, env, args, setup, data, orders, rng):
    """Confirmed quota lines, targets in line with the dataset's volumes."""
    picked = pick_quotas(setup, args)
    quarters = args.years * 4
    invoiced = float(data["line_amount"].sum()) / quarters
    confirmed = ~orders["is_quote"][orders["line_order"]]
    sales = float((orders["qty"] * orders["price"])[confirmed].sum()) / quarters
    volume = {"invoiced": invoiced, "collected": invoiced, "sales": sales}
    owners = {
        "user": len(setup["user_team"]),
        "team": len(setup["teams"]),
        # agents serve --agent-customer-ratio of the customers
        "agent": len(setup["agents"]) / args.agent_customer_ratio,
    }
    owner_records = {
        "user": env["res.users"].browse(list(setup["user_team"])),
        "team": env["crm.team"].browse(setup["teams"]),
        "agent": env["res.partner"].browse(setup["agents"]),
    }
    names = {
        owner_type: {record.id: record.name for record in records}
        for owner_type, records in owner_records.items()
    }
    quarter_id = setup["periods"][0][0]
    period_name = {period[0]: period[1] for period in setup["periods"]}
    rows = {
        key: []
        for key in (
            "name",
            "period_id",
            "owner_type",
            "user_id",
            "team_id",
            "agent_id",
            "region_id",
            "categ_id",
            "basis",
            "target",
        )
    }
    factor = rng.uniform(0.8, 1.3, len(picked))
    for (period, owner_type, owner, basis, region, categ), noise in zip(
        picked, factor, strict=True
    ):
        target = volume[basis] / owners[owner_type] * noise
        if period != quarter_id:
            target /= 3
        if region:
            target /= QUOTA_PROVINCES
        if categ:
            target /= QUOTA_PRODUCT_LINES
        rows["name"].append(
            " · ".join([period_name[period], names[owner_type][owner], basis])
            + (f" · region {region}" if region else "")
            + (f" · line {categ}" if categ else "")
        )
        rows["period_id"].append(period)
        rows["owner_type"].append(owner_type)
        for owner_field in ("user", "team", "agent"):
            rows[f"{owner_field}_id"].append(owner if owner_type == owner_field else 0)
        rows["region_id"].append(region or 0)
        rows["categ_id"].append(categ or 0)
        rows["basis"].append(basis)
        rows["target"].append(round(max(target, 100.0), -2))
    cr.execute(
        """CREATE TEMP TABLE bench_stage_quota (
               name varchar, period_id int, owner_type varchar, user_id int,
               team_id int, agent_id int, region_id int, categ_id int,
               basis varchar, target numeric) ON COMMIT DROP"""
    )
    columns = tuple(rows)
    buffer = io.StringIO()
    for row in zip(*(rows[column] for column in columns), strict=True):
        buffer.write("\t".join(map(str, row)))
        buffer.write("\n")
    buffer.seek(0)
    cr._obj.copy_from(buffer, "bench_stage_quota", columns=columns)
    cr.execute(INSERT_QUOTAS, {"company": setup["company"].id})
    log(f"sales_quota: {cr.rowcount} confirmed quota lines")
    cr.execute(
        "UPDATE sales_quota SET parent_path = id || '/' WHERE parent_path IS NULL"
    )
    cr.execute("ANALYZE sales_quota")


def load_quota_dataset(cr, env, args, ctx, user_ids, today, rng):
    """The quota benchmark's dataset (see the module docstring)."""
    # a stream of its own, so that the invoices are drawn as without --quota
    quota_rng = np.random.default_rng(args.seed + 1)
    setup = quota_setup(env, args, user_ids, today)
    env.flush_all()
    log(
        f"{len(setup['teams'])} teams, {len(setup['agents'])} agents, "
        f"{len(setup['products'])} products, {len(setup['periods'])} periods "
        f"with quotas ({setup['periods'][0][1]} and its months)"
    )
    fast = skip_foreign_key_checks(cr)
    stage_user_teams(cr, setup["user_team"])
    partner_start = load_customers(cr, ctx, args, user_ids)
    quota_customers(cr, args, setup, partner_start, quota_rng)
    log(f"{args.customers} customers (regions, agents)")
    data = draw_dataset(args, today, rng)
    data["line_product"] = draw_line_products(setup, args.invoice_lines, quota_rng)
    paid, pay_age = draw_payments(args, data, rng)
    move_start = stage(cr, args, data, paid, pay_age, partner_start, today)
    log(f"staged {data['moves']} invoices, {args.invoice_lines} product lines")
    params = dict(
        ctx,
        code=ctx["journal_code"],
        uom=setup["uom"],
        partner_start=partner_start,
    )
    cr.execute(INSERT_MOVES, params)
    log(f"account_move: {cr.rowcount} invoices")
    cr.execute("ANALYZE account_move")
    cr.execute(INSERT_PRODUCT_LINES, params)
    log(f"account_move_line: {cr.rowcount} product lines")
    cr.execute(INSERT_TERM_LINES, params)
    log(f"account_move_line: {cr.rowcount} receivable lines")
    cr.execute("ANALYZE account_move_line")
    payments = draw_quota_payments(args, data, paid, pay_age, move_start, quota_rng)
    load_quota_payments(cr, params, payments, today)
    orders = draw_orders(args, data, setup, today, quota_rng)
    load_orders(cr, params, orders, today)
    load_quotas(cr, env, args, setup, data, orders, quota_rng)
    if fast:
        cr.execute("SET LOCAL session_replication_role = origin")


def achieved_share(cr, company_id, date_from=None):
    """Share of revenue held by the top 20 % of customers (with revenue)."""
    cr.execute(
        """
        WITH revenue AS (
            SELECT aml.partner_id, -SUM(aml.balance) AS revenue
              FROM account_move_line aml
             WHERE aml.company_id = %(company)s
               AND aml.display_type = 'product' AND aml.parent_state = 'posted'
               AND aml.date >= %(date_from)s
             GROUP BY aml.partner_id),
        ranked AS (
            SELECT revenue, ROW_NUMBER() OVER (ORDER BY revenue DESC) AS rn,
                   COUNT(*) OVER () AS n
              FROM revenue WHERE revenue > 0)
        SELECT SUM(revenue) FILTER (WHERE rn <= 0.2 * n) / SUM(revenue), MAX(n)
          FROM ranked
        """,
        {"company": company_id, "date_from": date_from or date(1900, 1, 1)},
    )
    return cr.fetchone()


def load_tiering_dataset(cr, args, ctx, user_ids, today, rng):
    """The tiering benchmark's dataset (see the module docstring)."""
    fast = skip_foreign_key_checks(cr)
    # no teams in this dataset: the invoices keep no team
    stage_user_teams(cr, {})
    partner_start = load_customers(cr, ctx, args, user_ids)
    log(f"{args.customers} customers")
    data = draw_dataset(args, today, rng)
    paid, pay_age = draw_payments(args, data, rng)
    stage(cr, args, data, paid, pay_age, partner_start, today)
    log(f"staged {data['moves']} moves, {args.invoice_lines} product lines")
    params = dict(ctx, code=ctx["journal_code"])
    cr.execute(INSERT_MOVES, params)
    log(f"account_move: {cr.rowcount} rows")
    cr.execute("ANALYZE account_move")
    cr.execute(INSERT_PRODUCT_LINES, params)
    product_lines = cr.rowcount
    cr.execute(INSERT_INSTALMENT_LINES, params)
    log(f"account_move_line: {product_lines + cr.rowcount} rows " "(half payment_term)")
    params["in_process_before"] = today - timedelta(days=10)
    cr.execute(INSERT_PAYMENTS, params)
    log(f"account_payment: {cr.rowcount} rows")
    if fast:
        cr.execute("SET LOCAL session_replication_role = origin")


def main(argv=None):
    args = parse_args(argv)
    keys = [
        "customers",
        "invoice_lines",
        "years",
        "salespeople",
        "refund_ratio",
        "partial_payment_ratio",
        "seed",
    ]
    if args.quota:
        keys += [
            "quota",
            "lines_per_invoice",
            "teams",
            "agents",
            "agent_customer_ratio",
            "split_payment_ratio",
            "sale_lines",
            "quotation_ratio",
            "quota_lines",
        ]
    signature = json.dumps({key: getattr(args, key) for key in keys}, sort_keys=True)
    registry = bootstrap(args.db)
    from odoo import SUPERUSER_ID, api

    today = date.today()
    rng = np.random.default_rng(args.seed)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        if "sales.customer.tiering" not in env:
            sys.exit(f"error: sales_model_crm is not installed in {args.db}.")
        loaded = env["ir.config_parameter"].get_param(DATASET_PARAM)
        if loaded:
            if args.if_missing and loaded == signature:
                print(f"dataset already loaded in {args.db}: {loaded}")
                return
            sys.exit(
                f"error: {args.db} already holds a benchmark dataset ({loaded}); "
                "drop the database and create it again."
            )
        ctx = load_context(env)
        log(f"loading {signature} into {args.db}")
        user_ids = ensure_salespeople(env, args.salespeople)
        env.flush_all()
        log(f"{len(user_ids)} salespeople (+1 all-documents salesperson)")

        if args.quota:
            load_quota_dataset(cr, env, args, ctx, user_ids, today, rng)
        else:
            load_tiering_dataset(cr, args, ctx, user_ids, today, rng)
        env["ir.config_parameter"].set_param(DATASET_PARAM, signature)
        env.flush_all()
        for table in ("res_partner", "account_move", "account_move_line"):
            cr.execute(f"ANALYZE {table}")  # noqa: S608 (constant names)
        cr.execute("ANALYZE account_payment")
        if args.quota:
            for table in ("account_partial_reconcile", "sale_order", "sale_order_line"):
                cr.execute(f"ANALYZE {table}")  # noqa: S608 (constant names)
        log("analyzed")
        window_from = today - timedelta(days=365)
        share_all, count_all = achieved_share(cr, ctx["company"])
        share_window, count_window = achieved_share(cr, ctx["company"], window_from)
    print(
        f"top 20 % of customers hold {100 * share_all:.1f} % of revenue over "
        f"{args.years:g} years ({count_all} customers with revenue), "
        f"{100 * share_window:.1f} % over the last 12 months ({count_window})"
    )


if __name__ == "__main__":
    main()
