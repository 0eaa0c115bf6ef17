# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import _

from .sales_quota_sheet_common import FIRST_ROW, cell

(
    COL_TEAM,
    COL_USER,
    COL_PERIOD,
    COL_ELAPSED,
    COL_CALLS,
    COL_VISITS,
    COL_CALLS_PER_DAY,
    COL_VISITS_PER_DAY,
    COL_TARGET,
    COL_PCT_TARGET,
    COL_MISSING,
) = range(11)


class ActivitySheet:
    """Activity against Target: effective calls and visits per working day.

    Counted as the daily review counts them (sales.activity: effective ones,
    and visits) over each quota's period, in the working days elapsed. The
    daily target is the one the salesperson's plan shows: the quota's
    effective calls per day, here a formula pointing at the Decomposition
    sheet, so it moves with the ratios; without one, the VP dashboard's
    default.
    """

    def _get_activity_counts(self, quotas):
        """{(user id, period id): (effective, visits)}, one read per period.

        The user's own environment: a salesperson counts their own work only.
        """
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")

        def utc(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        users_by_period = defaultdict(set)
        for quota in quotas:
            users_by_period[quota.period_id].add(quota.user_id.id)
        counts = defaultdict(lambda: [0, 0])
        Activity = self.env["sales.activity"]
        for period, user_ids in users_by_period.items():
            groups = Activity._read_group(
                [
                    ("user_id", "in", list(user_ids)),
                    ("date", ">=", utc(period.date_start)),
                    ("date", "<", utc(period.date_end + timedelta(days=1))),
                    "|",
                    ("is_effective", "=", True),
                    ("kind", "=", "visit"),
                ],
                ["user_id", "kind", "is_effective"],
                ["__count"],
            )
            for user, kind, effective, count in groups:
                key = (user.id, period.id)
                if effective:
                    counts[key][0] += count
                if kind == "visit":
                    counts[key][1] += count
        return counts

    def _write_activity_sheet(self, workbook, page, quotas, decomposition):
        columns = [
            (_("Sales Team"), "text"),
            (_("Salesperson"), "text"),
            (_("Period"), "text"),
            (_("Working Days Elapsed"), "integer"),
            (_("Effective Calls"), "integer"),
            (_("Visits"), "integer"),
            (_("Effective Calls per Day"), "decimal"),
            (_("Visits per Day"), "decimal"),
            (_("Daily Target"), "integer"),
            (_("% of Daily Target"), "percent"),
            (_("Calls Missing per Day"), "decimal"),
        ]
        sheet = self._add_sheet(
            workbook,
            page,
            _("Activity against Target"),
            _("Quota Sheet: Effective Calls and Visits against the Daily Target"),
            columns,
            note=_(
                "The daily target is the quota's effective calls per day on "
                "the Decomposition sheet."
            ),
        )
        if not quotas:
            self._write_empty(sheet, page, _("No salesperson's quota to show."))
            self._finish_sheet(sheet, columns, {}, FIRST_ROW)
            return sheet
        counts = self._get_activity_counts(quotas)
        default_target = self.env["sales.vp.dashboard"]._default_daily_target()
        decomposition_sheet, daily_col = decomposition
        sheet_ref = self._sheet_ref(decomposition_sheet)
        formats = page["formats"]
        totals = {"days": 0, "calls": 0, "visits": 0, "target": 0}
        row = FIRST_ROW
        for quota in quotas:
            self._write_texts(
                sheet,
                row,
                (
                    (COL_TEAM, quota.team_id.name),
                    (COL_USER, quota.user_id.name),
                    (COL_PERIOD, quota.period_id.name),
                ),
                formats["text"],
            )
            days = min(quota.working_days_elapsed, quota.working_days_total)
            calls, visits = counts.get((quota.user_id.id, quota.period_id.id), (0, 0))
            sheet.write_number(row, COL_ELAPSED, days, formats["integer"])
            sheet.write_number(row, COL_CALLS, calls, formats["integer"])
            sheet.write_number(row, COL_VISITS, visits, formats["integer"])
            target = quota._workload("target")["daily_calls"]
            if target:
                sheet.write_formula(
                    row,
                    COL_TARGET,
                    f"={sheet_ref}!{cell(row, daily_col)}",
                    formats["integer"],
                    target,
                )
            else:
                target = default_target
                sheet.write_number(row, COL_TARGET, target, formats["integer"])
            self._write_activity_formulas(
                sheet, page, row, (days, calls, visits, target)
            )
            for key, value in zip(
                ("days", "calls", "visits", "target"),
                (days, calls, visits, target),
                strict=True,
            ):
                totals[key] += value
            row += 1
        self._write_activity_total(sheet, page, row, totals, len(quotas))
        self._add_activity_formats(sheet, page, row)
        texts = {
            COL_TEAM: self._longest(quotas.team_id.mapped("name")),
            COL_USER: self._longest(quotas.user_id.mapped("name")),
            COL_PERIOD: self._longest(quotas.period_id.mapped("name")),
        }
        self._finish_sheet(sheet, columns, texts, row - 1)
        return sheet

    def _write_activity_formulas(self, sheet, page, row, cached, style=""):
        formats = page["formats"]
        days, calls, visits, target = cached
        elapsed = cell(row, COL_ELAPSED)
        per_day = cell(row, COL_CALLS_PER_DAY)
        target_cell = cell(row, COL_TARGET)
        calls_per_day = calls / days if days else 0.0
        for col, formula, value, cell_format in (
            (
                COL_CALLS_PER_DAY,
                f"=IF({elapsed}>0,{cell(row, COL_CALLS)}/{elapsed},0)",
                calls_per_day,
                "decimal",
            ),
            (
                COL_VISITS_PER_DAY,
                f"=IF({elapsed}>0,{cell(row, COL_VISITS)}/{elapsed},0)",
                visits / days if days else 0.0,
                "decimal",
            ),
            (
                COL_PCT_TARGET,
                f"=IF({target_cell}>0,{per_day}/{target_cell},0)",
                calls_per_day / target if target else 0.0,
                "percent",
            ),
            (
                COL_MISSING,
                f"=MAX({target_cell}-{per_day},0)",
                max(target - calls_per_day, 0.0),
                "decimal",
            ),
        ):
            sheet.write_formula(row, col, formula, formats[style + cell_format], value)

    def _write_activity_total(self, sheet, page, row, totals, count):
        """The average salesperson: summed work over summed working days,
        against the average daily target."""
        formats = page["formats"]
        for col in range(COL_MISSING + 1):
            sheet.write_blank(row, col, None, formats["total"])
        sheet.write_string(row, COL_TEAM, _("Total"), formats["total"])
        average_target = totals["target"] / count
        for col, function, value in (
            (COL_ELAPSED, "SUM", totals["days"]),
            (COL_CALLS, "SUM", totals["calls"]),
            (COL_VISITS, "SUM", totals["visits"]),
            (COL_TARGET, "AVERAGE", average_target),
        ):
            sheet.write_formula(
                row,
                col,
                f"={function}({cell(FIRST_ROW, col)}:{cell(row - 1, col)})",
                formats["total_decimal" if col == COL_TARGET else "total_integer"],
                value,
            )
        self._write_activity_formulas(
            sheet,
            page,
            row,
            (totals["days"], totals["calls"], totals["visits"], average_target),
            style="total_",
        )

    def _add_activity_formats(self, sheet, page, total_row):
        last_row = total_row - 1
        if last_row < FIRST_ROW:
            return
        formats = page["formats"]
        per_day = f"$G{FIRST_ROW + 1}"
        target = f"$I{FIRST_ROW + 1}"
        for formula, tier in (
            (f"={per_day}>={target}", "target"),
            (f"={per_day}<{target}", "none"),
        ):
            sheet.conditional_format(
                FIRST_ROW,
                COL_CALLS_PER_DAY,
                last_row,
                COL_CALLS_PER_DAY,
                {
                    "type": "formula",
                    "criteria": formula,
                    "format": formats[f"tier_{tier}"],
                    "stop_if_true": True,
                },
            )
        self._add_data_bar(sheet, FIRST_ROW, last_row, COL_PCT_TARGET)
