# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _

from .sales_quota_sheet_common import FIRST_ROW, cell

COL_TEAM, COL_USER, COL_PERIOD = range(3)
FIRST_PART_COL = 3


class MonthSheet:
    """By Month (or Week): each quota's split into its sub-periods.

    One row per salesperson's quota that was split by period (the split
    tree: a quarter's 30/30/40 into its months), one column per sub-period,
    then the row's total as a SUM, the quota itself and the difference; then
    the teams' quotas split by period, with their own total: a team's quota
    is the parent of its salespeople's, one total over both counted it twice.
    """

    def _get_period_parts(self, quotas):
        """{quota: {sub-period: part}} for the quotas split by period, in the
        order of ``quotas``."""
        # the children of all quotas in one read (record rules apply)
        by_parent = defaultdict(dict)
        for child in quotas.child_ids:
            by_parent[child.parent_id.id][child.period_id] = child
        parts = {}
        for quota in quotas:
            children = by_parent.get(quota.id, {})
            # a split among people keeps the period: not a split in time
            children.pop(quota.period_id, None)
            if children:
                parts[quota] = children
        return parts

    def _get_month_sheet_name(self, periods):
        cycles = set(periods.mapped("sales_cycle"))
        if cycles == {"month"}:
            return _("By Month"), _("Quota Sheet: Split by Month")
        if cycles == {"week"}:
            return _("By Week"), _("Quota Sheet: Split by Week")
        return _("By Sub-period"), _("Quota Sheet: Split by Sub-period")

    def _write_month_sheet(self, workbook, page, quotas, teams=None):
        sections = [
            (self._get_period_parts(quotas), _("Total")),
            (self._get_period_parts(teams or quotas[:0]), _("Total of Teams")),
        ]
        sections = [(parts, label) for parts, label in sections if parts]
        parts = {
            quota: by_period
            for section_parts, _label in sections
            for quota, by_period in section_parts.items()
        }
        periods = self.env["date.range"].union(
            *(periods for by_period in parts.values() for periods in by_period)
        )
        periods = periods.sorted(lambda period: (period.date_start, period.id))
        name, title = self._get_month_sheet_name(periods)
        columns = [
            (_("Sales Team"), "text"),
            (_("Salesperson"), "text"),
            (_("Period"), "text"),
        ]
        columns += [(period.name, "amount") for period in periods]
        columns += [
            (_("Total of Parts"), "amount"),
            (_("Quota Target"), "amount"),
            (_("Difference"), "amount"),
        ]
        sheet = self._add_sheet(
            workbook,
            page,
            name,
            title,
            columns,
            note=_("Targets of the parts each quota was split into."),
        )
        if not parts:
            self._write_empty(sheet, page, _("No quota was split by period."))
            self._finish_sheet(sheet, columns, {}, FIRST_ROW)
            return sheet
        col_of = {
            period: FIRST_PART_COL + index for index, period in enumerate(periods)
        }
        total_col = FIRST_PART_COL + len(periods)
        formats = page["formats"]
        row = FIRST_ROW
        for section_parts, label in sections:
            first = row
            for quota, by_period in section_parts.items():
                self._write_month_row(
                    sheet, page, row, (col_of, total_col), (quota, by_period)
                )
                row += 1
            self._write_month_total_row(
                sheet,
                page,
                (row, first),
                (col_of, total_col),
                (section_parts, label),
            )
            row += 1
        last_data_row = row - 2
        sheet.conditional_format(
            FIRST_ROW,
            total_col + 2,
            row - 1,
            total_col + 2,
            {
                "type": "cell",
                "criteria": "not between",
                "minimum": -0.005,
                "maximum": 0.005,
                "format": formats["tier_none"],
            },
        )
        amount_text = self._amount_text(
            page, sum(quota.target for quota in parts) or 0.0
        )
        texts = {
            COL_TEAM: self._longest(quotas.team_id.mapped("name")),
            COL_USER: self._longest(quotas.user_id.mapped("name")),
            COL_PERIOD: self._longest(quotas.period_id.mapped("name")),
        }
        for col in range(FIRST_PART_COL, total_col + 3):
            texts[col] = [amount_text]
        self._finish_sheet(sheet, columns, texts, last_data_row)
        return sheet

    def _write_month_row(self, sheet, page, row, total_cols, split):
        """A quota's row; ``split`` = (the quota, its {sub-period: part})."""
        formats = page["formats"]
        col_of, total_col = total_cols
        quota, by_period = split
        self._write_texts(
            sheet,
            row,
            zip(
                (COL_TEAM, COL_USER, COL_PERIOD), self._owner_texts(quota), strict=False
            ),
            formats["text"],
        )
        for period, part in by_period.items():
            sheet.write_number(row, col_of[period], part.target, formats["amount"])
        parts_total = sum(part.target for part in by_period.values())
        self._write_month_totals(
            sheet, page, row, total_col, (parts_total, quota.target)
        )

    def _write_month_totals(self, sheet, page, row, total_col, cached, style=""):
        formats = page["formats"]
        parts_total, target = cached
        first, last = cell(row, FIRST_PART_COL), cell(row, total_col - 1)
        sheet.write_formula(
            row,
            total_col,
            f"=SUM({first}:{last})",
            formats[f"{style}amount"],
            parts_total,
        )
        sheet.write_formula(
            row,
            total_col + 2,
            f"={cell(row, total_col)}-{cell(row, total_col + 1)}",
            formats[f"{style}amount"],
            parts_total - target,
        )
        if not style:
            sheet.write_number(row, total_col + 1, target, formats["amount"])

    def _write_month_total_row(self, sheet, page, rows, total_cols, section):
        """Column sums of a section; ``rows`` = (the total's row, the first
        row it sums), ``total_cols`` = (the sub-periods' columns, the parts'
        total column), ``section`` = (its {quota: {sub-period: part}}, the
        total's label)."""
        formats = page["formats"]
        row, first = rows
        col_of, total_col = total_cols
        parts, label = section
        for col in range(total_col + 3):
            sheet.write_blank(row, col, None, formats["total"])
        sheet.write_string(row, COL_TEAM, label, formats["total"])
        cached = dict.fromkeys(range(FIRST_PART_COL, total_col + 2), 0.0)
        for quota, by_period in parts.items():
            for period, part in by_period.items():
                cached[col_of[period]] += part.target
                cached[total_col] += part.target
            cached[total_col + 1] += quota.target
        for col, value in cached.items():
            if col == total_col:  # the row's own SUM, below
                continue
            sheet.write_formula(
                row,
                col,
                f"=SUM({cell(first, col)}:{cell(row - 1, col)})",
                formats["total_amount"],
                value,
            )
        self._write_month_totals(
            sheet,
            page,
            row,
            total_col,
            (cached[total_col], cached[total_col + 1]),
            style="total_",
        )
