# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _
from odoo.tools import groupby

from .sales_quota_sheet_common import FIRST_ROW, cell

(
    COL_TEAM,
    COL_USER,
    COL_PERIOD,
    COL_MINIMUM,
    COL_TARGET,
    COL_STRETCH,
    COL_ACTUAL,
    COL_IN_PROGRESS,
    COL_PCT_MINIMUM,
    COL_PCT_TARGET,
    COL_PCT_STRETCH,
    COL_TIER,
    COL_REWARD,
    COL_DAYS,
    COL_ELAPSED,
    COL_REMAINING,
    COL_PER_DAY,
) = range(17)
TIER_COLUMNS = (COL_ACTUAL, COL_MINIMUM, COL_TARGET, COL_STRETCH)
SUMMED_COLUMNS = (
    COL_MINIMUM,
    COL_TARGET,
    COL_STRETCH,
    COL_ACTUAL,
    COL_IN_PROGRESS,
    COL_REWARD,
)
PERCENT_COLUMNS = (
    (COL_PCT_MINIMUM, COL_MINIMUM),
    (COL_PCT_TARGET, COL_TARGET),
    (COL_PCT_STRETCH, COL_STRETCH),
)


class SummarySheet:
    """Summary: one row per salesperson's quota, team subtotals, grand total;
    then the teams' own quotas, with their own total.

    Subtotals and the grand total are SUBTOTAL(9, ...) formulas: the grand
    total skips the team subtotals it spans, and both follow the autofilter.
    The teams' quotas come after the salespeople's grand total, never in it:
    a team's quota is the parent of its salespeople's.
    """

    def _get_summary_columns(self):
        return [
            (_("Sales Team"), "text"),
            (_("Salesperson"), "text"),
            (_("Period"), "text"),
            (_("Minimum"), "amount"),
            (_("Target"), "amount"),
            (_("Stretch"), "amount"),
            (_("Actual"), "amount"),
            (_("In Progress"), "amount"),
            (_("% of Minimum"), "percent"),
            (_("% of Target"), "percent"),
            (_("% of Stretch"), "percent"),
            (_("Tier Reached"), "text"),
            (_("Reward / Penalty"), "money"),
            (_("Working Days"), "integer"),
            (_("Days Elapsed"), "integer"),
            (_("Days Remaining"), "integer"),
            (_("Needed per Remaining Day"), "amount"),
        ]

    def _write_summary_sheet(self, workbook, page, quotas, teams=None):
        columns = self._get_summary_columns()
        sheet = self._add_sheet(
            workbook,
            page,
            _("Summary"),
            _("Quota Sheet: Summary"),
            columns,
            note=_(
                "Red: below the minimum; amber: minimum reached; green: target "
                "reached; gold: stretch reached. Reward / Penalty: the amount "
                "settled once a quota is settled; before, provisional: what the "
                "actual so far would earn."
            ),
        )
        teams = teams or self.env["sales.quota"]
        if not quotas and not teams:
            self._write_empty(sheet, page, _("No salesperson's quota to show."))
            self._finish_sheet(sheet, columns, {}, FIRST_ROW)
            return sheet
        row = FIRST_ROW
        subtotal_rows = []
        for team, team_quotas in groupby(quotas, key=lambda quota: quota.team_id):
            team_quotas = self.env["sales.quota"].union(*team_quotas)
            first = row
            for quota in team_quotas:
                self._write_summary_row(sheet, page, row, quota)
                row += 1
            self._write_summary_total(
                sheet,
                page,
                (row, first),
                (team.name or _("No Team"), _("Subtotal")),
                team_quotas,
            )
            subtotal_rows.append(row)
            row += 1
        # the autofilter and data bars end above the salespeople's total,
        # or above the teams' total when they have a section
        last_data_row = row - 1
        if quotas:
            self._write_summary_total(
                sheet, page, (row, FIRST_ROW), (_("Total"), ""), quotas
            )
            row += 1
        if teams:
            first = row
            for quota in teams:
                self._write_summary_row(sheet, page, row, quota)
                row += 1
            last_data_row = row - 1
            self._write_summary_total(
                sheet, page, (row, first), (_("Total of Teams"), ""), teams
            )
            row += 1
        formats_end = row - 1
        quotas |= teams
        self._add_tier_formats(
            sheet,
            page,
            (COL_ACTUAL, COL_TIER),
            FIRST_ROW,
            formats_end,
            TIER_COLUMNS,
        )
        self._add_data_bar(sheet, FIRST_ROW, last_data_row, COL_PCT_TARGET)
        texts = {
            COL_TEAM: self._longest(quotas.team_id.mapped("name") + [_("No Team")]),
            COL_USER: self._longest(quotas.user_id.mapped("name")),
            COL_PERIOD: self._longest(quotas.period_id.mapped("name")),
            COL_TIER: self._longest(page["tier_labels"].values()),
        }
        biggest = max(quotas.mapped("stretch") + quotas.mapped("actual_amount"))
        for col in SUMMED_COLUMNS + (COL_PER_DAY,):
            texts[col] = [self._amount_text(page, biggest * len(quotas))]
        self._finish_sheet(sheet, columns, texts, last_data_row)
        return sheet

    def _write_summary_row(self, sheet, page, row, quota):
        formats = page["formats"]
        self._write_texts(
            sheet,
            row,
            zip(
                (COL_TEAM, COL_USER, COL_PERIOD), self._owner_texts(quota), strict=False
            ),
            formats["text"],
        )
        for col, value in (
            (COL_MINIMUM, quota.minimum),
            (COL_TARGET, quota.target),
            (COL_STRETCH, quota.stretch),
            (COL_ACTUAL, quota.actual_amount),
            (COL_IN_PROGRESS, quota.in_progress_amount),
        ):
            sheet.write_number(row, col, value, formats["amount"])
        cached = (
            quota.attainment_minimum / 100,
            quota.attainment / 100,
            quota.attainment_stretch / 100,
        )
        self._write_percentages(sheet, page, row, cached, formats["percent"])
        sheet.write_formula(
            row,
            COL_TIER,
            self._tier_formula(page, row, TIER_COLUMNS),
            formats["text"],
            page["tier_labels"].get(quota.tier_reached, ""),
        )
        sheet.write_number(row, COL_REWARD, quota.reward_amount, formats["money"])
        total = quota.working_days_total
        elapsed = min(quota.working_days_elapsed, total)
        sheet.write_number(row, COL_DAYS, total, formats["integer"])
        sheet.write_number(row, COL_ELAPSED, elapsed, formats["integer"])
        days, done = cell(row, COL_DAYS), cell(row, COL_ELAPSED)
        sheet.write_formula(
            row,
            COL_REMAINING,
            f"=MAX({days}-{done},0)",
            formats["integer"],
            total - elapsed,
        )
        # as sales.quota._pace: nothing per day once no working day is left
        gap = f"MAX({cell(row, COL_TARGET)}-{cell(row, COL_ACTUAL)},0)"
        remaining = cell(row, COL_REMAINING)
        sheet.write_formula(
            row,
            COL_PER_DAY,
            f"=IF({remaining}>0,{gap}/{remaining},0)",
            formats["amount"],
            quota.gap_per_day,
        )

    def _write_percentages(self, sheet, page, row, cached, cell_format):
        actual = cell(row, COL_ACTUAL)
        for (col, tier_col), value in zip(PERCENT_COLUMNS, cached, strict=True):
            tier = cell(row, tier_col)
            sheet.write_formula(
                row, col, f"=IF({tier}>0,{actual}/{tier},0)", cell_format, value
            )

    def _write_summary_total(self, sheet, page, rows, labels, quotas):
        """A subtotal (or the grand total) of ``quotas``.

        ``rows`` = (the total's row, the first row it sums), ``labels`` =
        (team, label).
        """
        formats = page["formats"]
        row, first = rows
        team, label = labels
        sums = {
            col: sum(quota[name] for quota in quotas)
            for col, name in zip(
                SUMMED_COLUMNS,
                (
                    "minimum",
                    "target",
                    "stretch",
                    "actual_amount",
                    "in_progress_amount",
                    "reward_amount",
                ),
                strict=True,
            )
        }
        for col in range(COL_PER_DAY + 1):
            sheet.write_blank(row, col, None, formats["total"])
        sheet.write_string(row, COL_TEAM, team, formats["total"])
        if label:
            sheet.write_string(row, COL_USER, label, formats["total"])
        for col in SUMMED_COLUMNS:
            column_format = "total_money" if col == COL_REWARD else "total_amount"
            sheet.write_formula(
                row,
                col,
                f"=SUBTOTAL(9,{cell(first, col)}:{cell(row - 1, col)})",
                formats[column_format],
                sums[col],
            )
        actual = sums[COL_ACTUAL]
        cached = [
            actual / sums[tier_col] if sums[tier_col] else 0.0
            for _col, tier_col in PERCENT_COLUMNS
        ]
        self._write_percentages(sheet, page, row, cached, formats["total_percent"])
        tier = "none"
        for name, col in (
            ("minimum", COL_MINIMUM),
            ("target", COL_TARGET),
            ("stretch", COL_STRETCH),
        ):
            if actual >= sums[col]:
                tier = name
        sheet.write_formula(
            row,
            COL_TIER,
            self._tier_formula(page, row, TIER_COLUMNS),
            formats["total"],
            page["tier_labels"].get(tier, ""),
        )
