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
"""

import argparse
import io
import json
import sys
import time
from datetime import date, timedelta

import numpy as np
import psycopg2
from _common import DATASET_PARAM, bootstrap

# Top 20 % share of a lognormal population is Phi(sigma - z_0.8) = 0.8.
PARETO_SIGMA = 1.683
MEAN_LINES_PER_MOVE = 4
SALESMAN_LOGIN = "bench_salesman_%02d"
SALESMAN_ALL_LOGIN = "bench_salesman_all"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--customers", type=int, default=20000)
    parser.add_argument(
        "--invoice-lines",
        type=int,
        default=1000000,
        help="product lines (the engine's rows); as many payment_term lines "
        "are added",
    )
    parser.add_argument("--years", type=float, default=2)
    parser.add_argument("--salespeople", type=int, default=20)
    parser.add_argument("--refund-ratio", type=float, default=0.03)
    parser.add_argument("--partial-payment-ratio", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--if-missing",
        action="store_true",
        help="exit quietly when the same dataset is already loaded",
    )
    return parser.parse_args(argv)


_START = time.perf_counter()


def log(message):
    print(f"[{time.perf_counter() - _START:7.1f}s] {message}", flush=True)


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
        "customer_kind": env.ref("sales_model_crm.sales_partner_kind_customer").id,
    }


def ensure_salespeople(env, count):
    """``count`` own-documents salespeople and one all-documents salesperson."""
    users = env["res.users"].with_context(no_reset_password=True)
    own_group = env.ref("sales_team.group_sale_salesman")
    all_group = env.ref("sales_team.group_sale_salesman_all_leads")
    wanted = [(SALESMAN_LOGIN % (n + 1), own_group) for n in range(count)]
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


# --- bulk loading helpers


def reserve_ids(cr, table, count):
    """Reserve ``count`` consecutive ids of ``table`` (table locked by caller)."""
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


# --- dataset drawing (numpy)


def draw_dataset(args, today, rng):
    customers, lines = args.customers, args.invoice_lines
    weight = rng.lognormal(0.0, PARETO_SIGMA, customers)
    # lines per move: 1 + Poisson, trimmed to the requested total
    per_move = 1 + rng.poisson(MEAN_LINES_PER_MOVE - 1, lines // 2 + 10)
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
    currency_id, partner_id, commercial_partner_id, invoice_user_id,
    invoice_partner_display_name, state, move_type, auto_post, payment_state,
    date, invoice_date, invoice_date_due, invoice_currency_rate,
    amount_untaxed, amount_tax, amount_total, amount_residual,
    amount_untaxed_signed, amount_untaxed_in_currency_signed, amount_tax_signed,
    amount_total_signed, amount_total_in_currency_signed, amount_residual_signed,
    always_tax_exigible, is_storno, checked, posted_before, made_sequence_gap,
    is_manually_modified, is_move_sent,
    create_uid, write_uid, create_date, write_date)
SELECT m.id, m.prefix || lpad(m.seq_no::text, 8, '0'), m.prefix, m.seq_no,
       %(journal)s, %(company)s,
       %(currency)s, m.partner_id, m.partner_id, p.user_id, p.name, 'posted',
       m.move_type, 'no',
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
"""

# product lines, then one payment_term line per product line (instalments)
INSERT_LINES = """
INSERT INTO account_move_line (
    move_id, move_name, sequence, journal_id, company_id, company_currency_id,
    currency_id, account_id, partner_id, display_type, parent_state, name,
    date, invoice_date, date_maturity, quantity, price_unit, discount,
    price_subtotal, price_total, balance, debit, credit, amount_currency,
    amount_residual, amount_residual_currency, tax_base_amount, reconciled,
    is_downpayment, tax_tag_invert, create_uid, write_uid, create_date,
    write_date)
SELECT l.move_id, mv.name, 10 + l.seq, %(journal)s, %(company)s, %(currency)s,
       %(currency)s, %(income)s, mv.partner_id, 'product', 'posted',
       'Bench product ' || (l.seq + 1), mv.date, mv.date, NULL, l.qty,
       round(l.amount / l.qty, 2), 0, l.amount, l.amount,
       s.sign * l.amount, GREATEST(s.sign * l.amount, 0),
       GREATEST(-s.sign * l.amount, 0), s.sign * l.amount,
       0, 0, 0, FALSE, FALSE, FALSE, 1, 1, mv.date, mv.date
  FROM bench_stage_line l
  JOIN bench_move_sign s ON s.id = l.move_id
  JOIN account_move mv ON mv.id = l.move_id
UNION ALL
SELECT l.move_id, mv.name, 1000 + l.seq, %(journal)s, %(company)s, %(currency)s,
       %(currency)s, %(receivable)s, mv.partner_id, 'payment_term', 'posted',
       mv.name || ' instalment ' || (l.seq + 1), mv.date, mv.date,
       mv.date + 30 * (l.seq + 1), 1, 0, 0, 0, 0,
       -s.sign * l.amount, GREATEST(-s.sign * l.amount, 0),
       GREATEST(s.sign * l.amount, 0), -s.sign * l.amount,
       -s.sign * round(l.amount * s.unpaid, 2), -s.sign * round(l.amount * s.unpaid, 2),
       0, s.unpaid = 0, FALSE, FALSE, 1, 1, mv.date, mv.date
  FROM bench_stage_line l
  JOIN bench_move_sign s ON s.id = l.move_id
  JOIN account_move mv ON mv.id = l.move_id
"""

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
    cr.execute("LOCK TABLE res_partner IN EXCLUSIVE MODE")
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


def stage(cr, args, data, paid, pay_age, partner_start, today):
    moves = data["moves"]
    cr.execute("LOCK TABLE account_move IN EXCLUSIVE MODE")
    move_start = reserve_ids(cr, "account_move", moves)
    move_ids = np.arange(move_start, move_start + moves)
    move_date = np.datetime64(today) - data["move_age"].astype("timedelta64[D]")
    pay_date = np.datetime64(today) - pay_age.astype("timedelta64[D]")
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
        (
            move_ids,
            partner_start + data["move_customer"],
            move_date,
            np.where(data["is_refund"], "t", "f"),
            data["per_move"],
            data["move_amount"],
            paid,
            pay_date,
        ),
    )
    cr.execute(
        """CREATE TEMP TABLE bench_stage_line (
               move_id int, seq int, qty int, amount numeric) ON COMMIT DROP"""
    )
    copy_rows(
        cr,
        "bench_stage_line",
        ("move_id", "seq", "qty", "amount"),
        (
            move_start + data["line_move"],
            data["line_seq"],
            data["line_qty"],
            data["line_amount"],
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


def main(argv=None):
    args = parse_args(argv)
    signature = json.dumps(
        {
            key: getattr(args, key)
            for key in (
                "customers",
                "invoice_lines",
                "years",
                "salespeople",
                "refund_ratio",
                "partial_payment_ratio",
                "seed",
            )
        },
        sort_keys=True,
    )
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

        fast = skip_foreign_key_checks(cr)
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
        cr.execute(INSERT_LINES, params)
        log(f"account_move_line: {cr.rowcount} rows (half payment_term)")
        params["in_process_before"] = today - timedelta(days=10)
        cr.execute(INSERT_PAYMENTS, params)
        log(f"account_payment: {cr.rowcount} rows")
        if fast:
            cr.execute("SET LOCAL session_replication_role = origin")
        env["ir.config_parameter"].set_param(DATASET_PARAM, signature)
        env.flush_all()
        for table in ("res_partner", "account_move", "account_move_line"):
            cr.execute(f"ANALYZE {table}")  # noqa: S608 (constant names)
        cr.execute("ANALYZE account_payment")
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
