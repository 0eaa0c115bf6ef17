#!/usr/bin/env python3
# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Time the Excel quota sheet for 1,000 salespeople x 12 months.

Needs a database with sales_model_crm_reports installed, e.g.::

    createdb smc_bench_sheet
    python3 -m odoo --addons-path=... -d smc_bench_sheet \\
        -i sales_model_crm_reports --without-demo=all --stop-after-init
    python3 bench_quota_sheet.py --db smc_bench_sheet

The script creates its own data unless it is already there (a marker in
ir.config_parameter): --salespeople users in teams of 50 (ORM, one batch), a
year of the current calendar year and its 12 months (date.range), one yearly
quota per salesperson split into 12 monthly quotas, and --activities logged
calls and visits (both in SQL, one INSERT ... SELECT each, with the stored
fields the ORM would compute). It is committed so that later runs reuse it.

It then renders the sheet of the yearly quotas through the report
(ir.actions.report._render, as a sales director: record rules apply) and, as
the floor, writes the same cells (values and formulas read back from the
rendered file, without formats) with xlsxwriter alone, in the same
constant-memory mode. Times are the median of --repeat warm runs without
memory tracing; peak Python memory (tracemalloc) comes from one more run.
"""

import argparse
import io
import sys
import time

from _common import Measure, bootstrap, median_of

REPORT_NAME = "sales_model_crm_reports.quota_sheet_xlsx"
MARKER = "sales_model_crm_bench.quota_sheet"
TEAM_SIZE = 50


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--salespeople", type=int, default=1000)
    parser.add_argument("--activities", type=int, default=200000)
    parser.add_argument("--repeat", type=int, default=3)
    return parser.parse_args()


# --- dataset


def create_dataset(env, args):
    """Users, teams, periods, quotas and activities; returns nothing."""
    from datetime import date, timedelta

    from odoo import Command

    ctx = {"tracking_disable": True, "no_reset_password": True}
    env = env(context=dict(env.context, **ctx))
    company = env.ref("base.main_company")
    salesman = env.ref("sales_team.group_sale_salesman")
    started = time.perf_counter()
    users = env["res.users"].create(
        [
            {
                "name": f"Bench Sheet Salesperson {index:04d}",
                "login": f"bench_sheet_{index:04d}",
                "company_id": company.id,
                "company_ids": [Command.set(company.ids)],
                "groups_id": [Command.set(salesman.ids)],
            }
            for index in range(args.salespeople)
        ]
    )
    director = env["res.users"].create(
        {
            "name": "Bench Sheet Director",
            "login": "bench_sheet_director",
            "company_id": company.id,
            "company_ids": [Command.set(company.ids)],
            "groups_id": [Command.set(env.ref("sales_team.group_sale_manager").ids)],
        }
    )
    teams = env["crm.team"].create(
        [
            {
                "name": f"Bench Sheet Team {index // TEAM_SIZE + 1:02d}",
                "company_id": company.id,
                "member_ids": [Command.set(users[index : index + TEAM_SIZE].ids)],
            }
            for index in range(0, len(users), TEAM_SIZE)
        ]
    )
    seconds = time.perf_counter() - started
    print(f"  {len(users)} users, {len(teams)} teams: {seconds:.1f} s")
    year = date.today().year
    year_type = env["date.range.type"].create(
        {"name": "Bench Sheet Year", "sales_cycle": "year", "company_id": company.id}
    )
    month_type = env["date.range.type"].create(
        {"name": "Bench Sheet Month", "sales_cycle": "month", "company_id": company.id}
    )
    year_period = env["date.range"].create(
        {
            "name": f"Bench {year}",
            "type_id": year_type.id,
            "date_start": date(year, 1, 1),
            "date_end": date(year, 12, 31),
            "company_id": company.id,
        }
    )
    months = env["date.range"].create(
        [
            {
                "name": f"Bench {year}-{month:02d}",
                "type_id": month_type.id,
                "date_start": date(year, month, 1),
                "date_end": date(year + month // 12, month % 12 + 1, 1)
                - timedelta(days=1),
                "company_id": company.id,
            }
            for month in range(1, 13)
        ]
    )
    env.flush_all()
    started = time.perf_counter()
    insert_quotas(env, company, year_period, months, director)
    insert_activities(env, company, users, args.activities, year)
    env["ir.config_parameter"].set_param(MARKER, str(args.salespeople))
    env.cr.commit()
    print(f"  quotas and activities (SQL): {time.perf_counter() - started:.1f} s")


def insert_quotas(env, company, year_period, months, director):
    """A yearly quota per salesperson (random actual) and its 12 months."""
    cr = env.cr
    common = """
        company_id, owner_type, basis, state, penalty_mode, reward_minimum_mode,
        reward_target_mode, reward_stretch_mode, create_uid, write_uid,
        create_date, write_date"""
    common_values = """
        %(company)s, 'user', 'invoiced', 'confirmed', 'fixed', 'fixed', 'fixed',
        'fixed', %(uid)s, %(uid)s, now(), now()"""
    params = {"company": company.id, "uid": director.id, "year": year_period.id}
    cr.execute(
        f"""
        INSERT INTO sales_quota ({common}, period_id, date_start, date_end,
               period_type_id, name, user_id, team_id, minimum, target, stretch,
               actual_amount, in_progress_amount, working_days_total,
               working_days_elapsed, avg_deal_size, prospects_per_deal,
               calls_per_prospect)
        SELECT {common_values}, p.id, p.date_start, p.date_end, p.type_id,
               (p.name->>'en_US') || ' · ' || partner.name, u.id, m.crm_team_id,
               t.target * 0.8, t.target, t.target * 1.2,
               round((t.target * (0.5 + random() * 0.8))::numeric, 2),
               round((t.target * random() * 0.2)::numeric, 2), 250, 200,
               20000, 3, 5
          FROM res_users u
          JOIN res_partner partner ON partner.id = u.partner_id
          JOIN crm_team_member m ON m.user_id = u.id AND m.active
          JOIN date_range p ON p.id = %(year)s
          CROSS JOIN LATERAL (
              SELECT (1000000 + (u.id %% 50) * 20000)::numeric AS target
          ) t
         WHERE u.login LIKE 'bench_sheet_0%%'
        """,
        params,
    )
    cr.execute(
        """
        UPDATE sales_quota SET parent_path = id || '/'
         WHERE period_id = %(year)s AND parent_path IS NULL
        """,
        params,
    )
    params["months"] = months.ids
    cr.execute(
        f"""
        INSERT INTO sales_quota ({common}, period_id, date_start, date_end,
               period_type_id, name, user_id, team_id, minimum, target, stretch,
               parent_id, split_share, parent_path)
        SELECT {common_values}, p.id, p.date_start, p.date_end, p.type_id,
               (p.name->>'en_US') || ' · ' || y.name, y.user_id, y.team_id,
               y.minimum * s.share / 100, y.target * s.share / 100,
               y.stretch * s.share / 100, y.id, s.share, y.parent_path
          FROM sales_quota y
          JOIN date_range p ON p.id = ANY(%(months)s)
          CROSS JOIN LATERAL (
              SELECT CASE WHEN extract(month FROM p.date_start) IN (3, 6, 9, 12)
                          THEN 10.0 ELSE 7.5 END AS share
          ) s
         WHERE y.period_id = %(year)s
        """,
        params,
    )
    cr.execute(
        """
        UPDATE sales_quota SET parent_path = parent_path || id || '/'
         WHERE parent_id IS NOT NULL AND parent_path NOT LIKE '%%/' || id || '/'
        """
    )
    # the stored attainment fields, as the ORM computes them
    quotas = env["sales.quota"].search([("period_id", "=", params["year"])])
    for name in ("attainment", "attainment_minimum", "attainment_stretch"):
        env.add_to_compute(quotas._fields[name], quotas)
    env.add_to_compute(quotas._fields["tier_reached"], quotas)
    env.flush_all()


def insert_activities(env, company, users, count, year):
    """Calls and visits spread over the salespeople and the year so far."""
    partner = env["res.partner"].create({"name": "Bench Sheet Customer"})
    env.flush_all()
    env.cr.execute(
        """
        INSERT INTO sales_activity (name, kind, date, duration, partner_id,
               commercial_partner_id, user_id, team_id, company_id, outcome,
               is_effective, create_uid, write_uid, create_date, write_date)
        SELECT 'Bench call', k.kind,
               make_timestamp(%(year)s, 1, 1, 8, 0, 0)
                 + (random() * (now() - make_timestamp(%(year)s, 1, 1, 8, 0, 0))),
               0.25, %(partner)s, %(partner)s, u.user_id, u.crm_team_id,
               %(company)s, 'reached', random() < 0.8, 1, 1, now(), now()
          FROM generate_series(1, %(count)s) g
          CROSS JOIN LATERAL (
              SELECT CASE WHEN g %% 5 = 0 THEN 'visit' ELSE 'call' END AS kind
          ) k
          JOIN LATERAL (
              SELECT m.user_id, m.crm_team_id FROM crm_team_member m
               WHERE m.user_id = (%(users)s)[1 + g %% %(size)s]
               LIMIT 1
          ) u ON true
        """,
        {
            "year": year,
            "partner": partner.id,
            "company": company.id,
            "count": count,
            "users": users.ids,
            "size": len(users),
        },
    )


# --- measures


def render(env, quotas):
    report = env["ir.actions.report"]
    content, _kind = report._render(REPORT_NAME, quotas.ids, {})
    return content


def read_cells(content):
    """Every sheet's cells as (sheet, [(row, col, value)]), formulas as text."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content))
    return [
        (
            sheet.title,
            [
                (cell.row - 1, cell.column - 1, cell.value)
                for row in sheet.iter_rows()
                for cell in row
                if cell.value is not None
            ],
        )
        for sheet in workbook
    ]


def write_alone(sheets):
    """The same cells with xlsxwriter alone: no Odoo, no formats."""
    import xlsxwriter

    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"constant_memory": True})
    for title, cells in sheets:
        sheet = workbook.add_worksheet(title)
        for row, col, value in cells:
            if isinstance(value, str) and value.startswith("="):
                sheet.write_formula(row, col, value)
            else:
                sheet.write(row, col, value)
    workbook.close()
    return output.getvalue()


def main():
    args = parse_args()
    registry = bootstrap(args.db)
    from odoo import SUPERUSER_ID, api

    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        if "sales.quota.sheet.export" not in env:
            sys.exit(f"error: sales_model_crm_reports is not installed in {args.db}.")
        marker = env["ir.config_parameter"].get_param(MARKER)
        if marker != str(args.salespeople):
            if marker:
                sys.exit(f"error: {args.db} holds a dataset of {marker} salespeople.")
            print(f"creating the dataset ({args.salespeople} salespeople)")
            create_dataset(env, args)
        director = env["res.users"].search([("login", "=", "bench_sheet_director")])
        env = api.Environment(cr, director.id, {"lang": "en_US", "tz": "UTC"})
        quotas = env["sales.quota"].search(
            [("period_id.name", "=like", "Bench ____"), ("parent_id", "=", False)]
        )
        months = sum(len(quota.child_ids) for quota in quotas)
        print(f"{len(quotas)} yearly quotas, {months} monthly parts")
        render(env, quotas)  # warm-up
        renders = []
        for _run in range(args.repeat):
            env.invalidate_all()
            with Measure(cr, trace_memory=False) as measure:
                content = render(env, quotas)
            renders.append(measure)
        env.invalidate_all()
        with Measure(cr) as traced:
            render(env, quotas)
        sheets = read_cells(content)
        cell_count = sum(len(cells) for _title, cells in sheets)
        alone = []
        for _run in range(args.repeat):
            with Measure(trace_memory=False) as measure:
                alone_content = write_alone(sheets)
            alone.append(measure)
        with Measure() as alone_traced:
            write_alone(sheets)
        cr.rollback()
    report, floor = median_of(renders), median_of(alone)
    print(f"cells: {cell_count} on {len(sheets)} sheets")
    print(
        f"report:      {report['seconds']:.2f} s (runs {report['runs']}), "
        f"{report['queries']:.0f} queries, peak Python memory "
        f"{traced.peak_kib / 1024:.1f} MiB, file {len(content) / 1024:.0f} KiB"
    )
    print(
        f"xlsxwriter:  {floor['seconds']:.2f} s (runs {floor['runs']}), peak "
        f"Python memory {alone_traced.peak_kib / 1024:.1f} MiB, file "
        f"{len(alone_content) / 1024:.0f} KiB"
    )
    print(
        f"ratio report / xlsxwriter alone: {report['seconds'] / floor['seconds']:.2f}"
    )


if __name__ == "__main__":
    main()
