#!/usr/bin/env python3
# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Load a purchase-cycle benchmark dataset: customers buying consumables.

Products (through the ORM): eight bought in cycles (days of supply per unit
from 3 to 90: water buckets, toner, paper, ...) and two that are not.
Customers, confirmed sale orders and their lines are bulk-loaded: numbers
are drawn with numpy, streamed with COPY into staging tables and expanded
by INSERT ... SELECT. Each customer buys 1 to 3 of the cycle products for
as long as the dataset runs, with its own consumption rate (lognormal around
the product's), irregular gaps (lognormal noise) and a quantity that covers
the gap; 5 % of the customers stop buying halfway (the at-risk ones), 3 %
of the orders are cancelled and 2 % are open quotations. One order line per
order; the non-cycle products add 10 % of lines the engine must skip.
"""

import argparse
import json
import sys
from datetime import date

import numpy as np
from _common import (
    bootstrap,
    copy_rows,
    dataset_sizes,
    ensure_salespeople,
    log,
    reserve_ids,
)

DATASET_PARAM = "sales_model_crm_bench.purchase_cycles"
CYCLE_PRODUCTS = [
    ("Bench Water Bucket 18.9 L", 7),
    ("Bench Toner Cartridge", 60),
    ("Bench Copy Paper Box", 30),
    ("Bench Coffee Beans 1 kg", 14),
    ("Bench Tea Box", 21),
    ("Bench Filter Cartridge", 90),
    ("Bench Detergent 5 L", 45),
    ("Bench Milk Crate", 3),
]
OTHER_PRODUCTS = [("Bench Water Dispenser", 0), ("Bench Office Chair", 0)]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--customers", type=int)
    parser.add_argument("--order-lines", type=int)
    parser.add_argument("--years", type=float, default=2)
    parser.add_argument("--salespeople", type=int)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--if-missing", action="store_true")
    # the default sizes: data/datasets.json
    parser.set_defaults(**dataset_sizes("generate_purchase_cycles.py"))
    return parser.parse_args(argv)


def ensure_products(env):
    products = env["product.product"]
    for name, days in CYCLE_PRODUCTS + OTHER_PRODUCTS:
        product = products.search([("name", "=", name)], limit=1)
        if not product:
            product = products.create(
                {"name": name, "type": "consu", "sales_days_per_unit": days}
            )
        products |= product
    return products


def draw_orders(args, rng, product_days):
    """(customer index, product index, age in days, quantity, state) per line."""
    days_total = int(args.years * 365)
    cycle_count = len(CYCLE_PRODUCTS)
    # pairs: each customer buys 1 to 3 cycle products
    per_customer = rng.integers(1, 4, args.customers)
    pair_customer = np.repeat(np.arange(args.customers), per_customer)
    pair_product = rng.integers(0, cycle_count, pair_customer.size)
    pair_rate = product_days[pair_product] * rng.lognormal(0, 0.35, pair_customer.size)
    # orders per pair so that the cycle lines make ~90 % of the wanted lines
    wanted = args.order_lines * 0.9
    gaps_per_pair = wanted / pair_customer.size
    # the pair's mean gap follows from the number of orders over the period
    mean_gap = days_total / gaps_per_pair * rng.lognormal(0, 0.5, pair_customer.size)
    counts = np.maximum(1, rng.poisson(days_total / mean_gap))
    line_pair = np.repeat(np.arange(pair_customer.size), counts)
    gap = mean_gap[line_pair] * rng.lognormal(0, 0.3, line_pair.size)
    # ages: the last order of a pair is a random part of its gap ago (half
    # the period more for the 5 % who stopped), earlier ones a gap apart
    last_index = np.cumsum(counts) - 1
    from_end = np.cumsum(gap[::-1])[::-1]  # gaps from this line to the end
    from_end = from_end - np.repeat(from_end[last_index], counts)
    last_age = rng.uniform(0, mean_gap * 1.2)
    stopped = rng.random(pair_customer.size) < 0.05
    last_age = np.where(stopped, last_age + days_total / 2, last_age)
    age = (np.repeat(last_age, counts) + from_end).astype(int)
    keep = age < days_total
    quantity = np.maximum(1, np.round(gap / pair_rate[line_pair])).astype(int)
    customer = pair_customer[line_pair][keep]
    product = pair_product[line_pair][keep]
    age, quantity = age[keep], quantity[keep]
    # non-cycle lines
    extra = int(args.order_lines - customer.size)
    if extra > 0:
        customer = np.r_[customer, rng.integers(0, args.customers, extra)]
        product = np.r_[product, cycle_count + rng.integers(0, 2, extra)]
        age = np.r_[age, rng.integers(0, days_total, extra)]
        quantity = np.r_[quantity, np.ones(extra, dtype=int)]
    draw = rng.random(customer.size)
    state = np.where(draw < 0.03, "cancel", np.where(draw < 0.05, "draft", "sale"))
    return customer, product, age, quantity, state


def load(cr, env, args, rng):
    today = date.today()
    company = env.ref("base.main_company")
    products = ensure_products(env)
    user_ids = ensure_salespeople(env, args.salespeople, all_documents=False)
    env.flush_all()
    uom = products[0].uom_id.id
    product_days = np.array([days for _name, days in CYCLE_PRODUCTS], dtype=float)
    customer, product, age, quantity, state = draw_orders(args, rng, product_days)
    log(f"drawn {customer.size} order lines for {args.customers} customers")

    # skip the per-row foreign key triggers (superuser only): the rows only
    # reference ids read or reserved here
    cr.execute("SET LOCAL session_replication_role = replica")
    partner_start = reserve_ids(cr, "res_partner", args.customers)
    cr.execute(
        """
        INSERT INTO res_partner (
            id, name, complete_name, commercial_company_name, lang, type, active,
            is_company, partner_share, employee, customer_rank, supplier_rank,
            user_id, commercial_partner_id, autopost_bills, color,
            create_uid, write_uid, create_date, write_date)
        SELECT id, name, name, name, 'en_US', 'contact', TRUE, TRUE, TRUE, FALSE,
               1, 0, (%(users)s::int[])[1 + (n - 1) %% %(user_count)s], id, 'ask', 0,
               1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
          FROM (SELECT %(start)s + n - 1 AS id, n,
                       'Bench Cycle Customer ' || lpad(n::text, 7, '0') AS name
                  FROM generate_series(1, %(count)s) n) src
        """,
        {
            "users": user_ids,
            "user_count": len(user_ids),
            "start": partner_start,
            "count": args.customers,
        },
    )
    order_start = reserve_ids(cr, "sale_order", customer.size)
    line_start = reserve_ids(cr, "sale_order_line", customer.size)
    cr.execute(
        """CREATE TEMP TABLE bench_stage_order (
               idx int, partner_id int, product_id int, date date, qty int,
               state varchar) ON COMMIT DROP"""
    )
    order_date = np.datetime64(today) - age.astype("timedelta64[D]")
    copy_rows(
        cr,
        "bench_stage_order",
        ("idx", "partner_id", "product_id", "date", "qty", "state"),
        (
            np.arange(customer.size),
            partner_start + customer,
            np.array(products.ids)[product],
            order_date,
            quantity,
            state,
        ),
    )
    log("staged")
    params = {
        "order_start": order_start,
        "line_start": line_start,
        "company": company.id,
        "currency": company.currency_id.id,
        "uom": uom,
    }
    cr.execute(
        """
        INSERT INTO sale_order (
            id, name, partner_id, partner_invoice_id, partner_shipping_id,
            date_order, company_id, currency_id, state, user_id,
            create_uid, write_uid, create_date, write_date)
        SELECT %(order_start)s + s.idx, 'BSO' || lpad(s.idx::text, 8, '0'),
               s.partner_id, s.partner_id, s.partner_id, s.date + time '09:00',
               %(company)s, %(currency)s, s.state, p.user_id,
               1, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
          FROM bench_stage_order s JOIN res_partner p ON p.id = s.partner_id
        """,
        params,
    )
    log("sale_order loaded")
    cr.execute(
        """
        INSERT INTO sale_order_line (
            id, order_id, product_id, product_uom, product_uom_qty, name,
            price_unit, customer_lead, company_id, currency_id, state,
            order_partner_id, salesman_id, create_uid, write_uid, create_date,
            write_date)
        SELECT %(line_start)s + s.idx, %(order_start)s + s.idx, s.product_id,
               %(uom)s, s.qty, 'bench line', 10, 0, %(company)s, %(currency)s,
               s.state, s.partner_id, NULL, 1, 1, now() AT TIME ZONE 'UTC',
               now() AT TIME ZONE 'UTC'
          FROM bench_stage_order s
        """,
        params,
    )
    log("sale_order_line loaded")
    for table in ("res_partner", "sale_order", "sale_order_line"):
        cr.execute(f"ANALYZE {table}")  # noqa: S608 (constant)


def main(argv=None):
    args = parse_args(argv)
    signature = json.dumps(
        {
            key: getattr(args, key)
            for key in ("customers", "order_lines", "years", "salespeople", "seed")
        },
        sort_keys=True,
    )
    registry = bootstrap(args.db)
    from odoo import SUPERUSER_ID, api

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        if "sales.purchase.cycle.engine" not in env:
            sys.exit(f"error: sales_model_crm is not installed in {args.db}.")
        loaded = env["ir.config_parameter"].get_param(DATASET_PARAM)
        if loaded:
            if args.if_missing and loaded == signature:
                log(f"dataset already loaded: {loaded}")
                return
            sys.exit(f"error: a purchase-cycle dataset is already loaded: {loaded}")
        load(cr, env, args, np.random.default_rng(args.seed))
        env["ir.config_parameter"].set_param(DATASET_PARAM, signature)
    log("committed")


if __name__ == "__main__":
    main()
