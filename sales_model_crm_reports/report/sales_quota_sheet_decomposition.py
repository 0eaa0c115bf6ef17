# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _

from .sales_quota_sheet_common import FIRST_ROW, cell

COL_TEAM, COL_USER, COL_PERIOD = range(3)
COL_DEAL_SIZE, COL_PROSPECTS_PER_DEAL, COL_CALLS_PER_PROSPECT, COL_DAYS = range(3, 7)
FIRST_TIER_COL = 7
# per tier: amount, deals, prospects, calls, calls per day
TIER_WIDTH = 5
TIERS = ("minimum", "target", "stretch")
# as sales.quota._workload: each step rounded up, a hair below whole numbers
# kept (4.0000000001 deals is 4); MAX(): ROUNDUP of a tiny negative is -1
EPSILON = "0.000000001"


class DecompositionSheet:
    """Decomposition (任务分解): the reverse funnel per salesperson and tier.

    amount -> deals -> prospects -> calls -> calls per working day. The
    ratios and working days are input cells (yellow); every step is a live
    formula over them, so a manager changes a ratio in Excel and sees the
    workload move. The ratios are those the quota uses: its own, else its
    sales team's, else the company's.
    """

    def _get_decomposition_columns(self):
        columns = [
            (_("Sales Team"), "text"),
            (_("Salesperson"), "text"),
            (_("Period"), "text"),
            (_("Average Deal Size"), "amount"),
            (_("Prospects per Deal"), "decimal"),
            (_("Calls per Prospect"), "decimal"),
            (_("Working Days"), "integer"),
        ]
        for label in (_("Minimum"), _("Target"), _("Stretch")):
            columns += [
                (_("%(tier)s: Amount", tier=label), "amount"),
                (_("%(tier)s: Deals", tier=label), "integer"),
                (_("%(tier)s: Prospects", tier=label), "integer"),
                (_("%(tier)s: Calls", tier=label), "integer"),
                (_("%(tier)s: Calls per Day", tier=label), "integer"),
            ]
        return columns

    def _daily_calls_col(self, tier):
        return FIRST_TIER_COL + TIERS.index(tier) * TIER_WIDTH + 4

    def _write_decomposition_sheet(self, workbook, page, quotas):
        """Write the sheet; return where the target's calls per day are.

        The Activity sheet points at them: (sheet, column), one row per quota
        from FIRST_ROW on, in the order of ``quotas``.
        """
        columns = self._get_decomposition_columns()
        sheet = self._add_sheet(
            workbook,
            page,
            _("Decomposition"),
            _("Quota Sheet: Decomposition into Daily Work"),
            columns,
            note=_(
                "Yellow cells are inputs: change a ratio or the working days "
                "and the deals, prospects and calls follow."
            ),
        )
        sheet.freeze_panes(FIRST_ROW, FIRST_TIER_COL)
        if not quotas:
            self._write_empty(sheet, page, _("No salesperson's quota to show."))
            self._finish_sheet(sheet, columns, {}, FIRST_ROW)
            return sheet, self._daily_calls_col("target")
        formats = page["formats"]
        totals = dict.fromkeys(range(FIRST_TIER_COL, len(columns)), 0)
        row = FIRST_ROW
        for quota in quotas:
            ratios = quota._workload_ratios()
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
            for col, value, cell_format in (
                (COL_DEAL_SIZE, ratios["avg_deal_size"], "input_amount"),
                (COL_PROSPECTS_PER_DEAL, ratios["prospects_per_deal"], "input_decimal"),
                (COL_CALLS_PER_PROSPECT, ratios["calls_per_prospect"], "input_decimal"),
                (COL_DAYS, ratios["working_days"], "input_integer"),
            ):
                sheet.write_number(row, col, value, formats[cell_format])
            for index, tier in enumerate(TIERS):
                load = quota._workload(tier, ratios=ratios)
                first_col = FIRST_TIER_COL + index * TIER_WIDTH
                self._write_funnel(sheet, page, row, first_col, load)
                for offset, key in enumerate(
                    ("amount", "deals", "prospects", "calls", "daily_calls")
                ):
                    totals[first_col + offset] += load[key]
            row += 1
        self._write_decomposition_total(sheet, page, row, totals)
        texts = {
            COL_TEAM: self._longest(quotas.team_id.mapped("name")),
            COL_USER: self._longest(quotas.user_id.mapped("name")),
            COL_PERIOD: self._longest(quotas.period_id.mapped("name")),
        }
        biggest = max(totals.values())
        for col in range(COL_DEAL_SIZE, len(columns)):
            texts[col] = [self._amount_text(page, biggest)]
        self._finish_sheet(sheet, columns, texts, row - 1)
        return sheet, self._daily_calls_col("target")

    def _write_funnel(self, sheet, page, row, first_col, load):
        """One tier's funnel: the amount, then four formulas over the ratios."""
        formats = page["formats"]
        amount, deals, prospects, calls, daily = (
            cell(row, first_col + offset) for offset in range(TIER_WIDTH)
        )
        size = cell(row, COL_DEAL_SIZE)
        per_deal = cell(row, COL_PROSPECTS_PER_DEAL)
        per_prospect = cell(row, COL_CALLS_PER_PROSPECT)
        days = cell(row, COL_DAYS)
        if page["is_count"]:
            # a count of won deals or new customers: each one is a deal
            deals_formula = f"=MAX(ROUNDUP({amount}-{EPSILON},0),0)"
        else:
            deals_formula = (
                f"=IF({size}>0,MAX(ROUNDUP({amount}/{size}-{EPSILON},0),0),0)"
            )
        sheet.write_number(row, first_col, load["amount"], formats["amount"])
        for offset, formula, key in (
            (1, deals_formula, "deals"),
            (
                2,
                f"=MAX(ROUNDUP({deals}*{per_deal}-{EPSILON},0),0)",
                "prospects",
            ),
            (
                3,
                f"=MAX(ROUNDUP({prospects}*{per_prospect}-{EPSILON},0),0)",
                "calls",
            ),
            (
                4,
                f"=IF({days}>0,MAX(ROUNDUP({calls}/{days}-{EPSILON},0),0),0)",
                "daily_calls",
            ),
        ):
            sheet.write_formula(
                row, first_col + offset, formula, formats["integer"], load[key]
            )
        return daily

    def _write_decomposition_total(self, sheet, page, row, totals):
        formats = page["formats"]
        for col in range(max(totals) + 1):
            sheet.write_blank(row, col, None, formats["total"])
        sheet.write_string(row, COL_TEAM, _("Total"), formats["total"])
        for col, value in totals.items():
            amount = (col - FIRST_TIER_COL) % TIER_WIDTH == 0
            sheet.write_formula(
                row,
                col,
                f"=SUM({cell(FIRST_ROW, col)}:{cell(row - 1, col)})",
                formats["total_amount" if amount else "total_integer"],
                value,
            )
