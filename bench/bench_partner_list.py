#!/usr/bin/env python3
# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Time a salesperson's customer list against an all-documents salesperson's.

Both load the first page (80 rows) of the Customers action's list view with
web_search_read, as the web client does. The own-documents salesperson goes
through the record rules that restrict res.partner to the customers they own
(1/N of the customers of a generated dataset).
"""

import argparse
import statistics
from xml.etree import ElementTree

from _common import Measure, bootstrap

GOAL = 1.3
LIST_VIEW = "sales_model_crm.res_partner_view_list_sales_model"
ACTION = "sales_model_crm.res_partner_action_sales_customers"
OWN_LOGIN = "bench_salesman_01"
ALL_LOGIN = "bench_salesman_all"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--limit", type=int, default=80)
    return parser.parse_args(argv)


def list_specification(env):
    """The web client's specification for the list view's fields."""
    view = env.ref(LIST_VIEW)
    partners = env["res.partner"]
    spec = {}
    for node in ElementTree.fromstring(view.arch).iter("field"):
        field = partners._fields[node.get("name")]
        if field.type == "many2one":
            spec[field.name] = {"fields": {"display_name": {}}}
        elif field.type in ("many2many", "one2many"):
            sub = {"display_name": {}}
            if "color" in env[field.comodel_name]._fields:
                sub["color"] = {}
            spec[field.name] = {"fields": sub}
        else:
            spec[field.name] = {}
    return spec


def customers_domain(env):
    """The action's domain and its default filter (customers)."""
    action = env.ref(ACTION)
    domain = eval(action.domain)  # noqa: S307 (a constant domain of our own)
    return [*domain, ("sales_kind_ids.code", "=", "customer")]


def run(registry, login, spec, domain, limit):
    from odoo import SUPERUSER_ID, api

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        user = env["res.users"].search([("login", "=", login)])
        user_env = api.Environment(cr, user.id, {"lang": "en_US", "uid": user.id})
        partners = user_env["res.partner"].with_company(user.company_id)
        with Measure(cr, trace_memory=False) as measure:
            result = partners.web_search_read(
                domain, spec, offset=0, limit=limit, count_limit=10001
            )
        measure.length = result["length"]
        measure.rows = len(result["records"])
        cr.rollback()
    return measure


def explain(registry, login, domain, limit):
    from odoo import SUPERUSER_ID, api
    from odoo.tools import SQL

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        user = env["res.users"].search([("login", "=", login)])
        partners = api.Environment(cr, user.id, {})["res.partner"]
        for title, query in (
            (
                "page",
                partners._search(domain, limit=limit, order=partners._order).select(),
            ),
            ("count", partners._search(domain, limit=10001).select(SQL("1"))),
        ):
            cr.execute(SQL("EXPLAIN (ANALYZE, BUFFERS) %s", query))
            print(f"\nEXPLAIN ANALYZE of the rule-filtered {title} query ({login}):")
            print("\n".join(row[0] for row in cr.fetchall()))
        cr.rollback()


def main(argv=None):
    args = parse_args(argv)
    registry = bootstrap(args.db)
    from odoo import SUPERUSER_ID, api

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        spec = list_specification(env)
        domain = customers_domain(env)
    print(f"database {args.db}: domain {domain}, limit {args.limit}")
    print(f"fields: {', '.join(spec)}")
    medians = {}
    for login in (OWN_LOGIN, ALL_LOGIN):
        run(registry, login, spec, domain, args.limit)  # warm rule/view caches
        runs = [
            run(registry, login, spec, domain, args.limit) for _i in range(args.repeat)
        ]
        medians[login] = statistics.median(m.seconds for m in runs)
        print(
            f"{login:<22} {1000 * medians[login]:8.1f} ms median of {args.repeat}, "
            f"{runs[0].queries} queries, {runs[0].rows} rows shown of "
            f"{runs[0].length} visible"
        )
    ratio = medians[OWN_LOGIN] / medians[ALL_LOGIN]
    status = "MET" if ratio <= GOAL else "MISSED"
    print(f"own-documents / all-documents: {ratio:.2f} (goal <= {GOAL})  {status}")
    explain(registry, OWN_LOGIN, domain, args.limit)


if __name__ == "__main__":
    main()
