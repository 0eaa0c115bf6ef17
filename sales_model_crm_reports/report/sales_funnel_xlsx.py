# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from xlsxwriter.utility import xl_rowcol_to_cell

from odoo import _, models

from .sales_management_xlsx import FIRST_ROW, HEADER_ROW

(
    COL_STAGE,
    COL_COUNT,
    COL_REVENUE,
    COL_WON,
    COL_NEXT,
    COL_TO_WON,
    COL_DAYS,
) = range(7)


class SalesFunnelXlsx(models.AbstractModel):
    """The sales funnel per stage, with its conversions as formulas.

    One line per stage the exported opportunities reached: how many, their
    expected revenue, how many of them were won, the conversion to the next
    stage and to won (formulas over the counts, so they follow when a manager
    edits them) and the average days spent in the stage.
    """

    _name = "report.sales_model_crm_reports.funnel_xlsx"
    _inherit = "report.sales_model_crm_reports.management_xlsx"
    _description = "Sales Funnel Workbook"

    _report_xmlid = "sales_model_crm_reports.action_report_sales_funnel_xlsx"
    _rows_model = "sales.funnel.report"

    def _get_report_title(self):
        return _("Sales Funnel")

    def _get_stage_lines(self, rows):
        """One dict per stage, in funnel order: one grouped read for all."""
        if not rows:
            return []
        groups = rows._read_group(
            [("id", "in", rows.ids)],
            ["stage_id"],
            [
                "lead_count:sum",
                "expected_revenue:sum",
                "won_rate:sum",
                "days_in_stage:avg",
            ],
        )
        lines = [
            {
                "stage": stage,
                "count": count,
                "revenue": revenue,
                # won_rate is 100 on the rows of won opportunities
                "won": round((won or 0.0) / 100),
                "days": days or 0.0,
            }
            for stage, count, revenue, won, days in groups
        ]
        return sorted(
            lines, key=lambda line: (line["stage"].sequence, line["stage"].id)
        )

    def generate_xlsx_report(self, workbook, data, rows):
        page = self._get_page(rows, data)
        formats = self._get_formats(workbook, page["currency"])
        sheet = self._add_sheet(workbook, _("Funnel"))
        title = self._get_report_title()
        self._write_title(sheet, formats, page, title)
        headers = [
            _("Stage"),
            _("Opportunities"),
            _("Expected Revenue"),
            _("Won"),
            _("To Next Stage"),
            _("To Won"),
            _("Average Days in Stage"),
        ]
        self._write_header_row(
            sheet, formats, headers, set(range(COL_COUNT, COL_DAYS + 1))
        )
        lines = self._get_stage_lines(rows)
        for row, line in enumerate(lines, start=FIRST_ROW):
            is_last = row == FIRST_ROW + len(lines) - 1
            self._write_stage_row(sheet, formats, row, line, is_last)
        if lines:
            self._write_totals(sheet, formats, lines)
            self._add_funnel_chart(workbook, sheet, formats, len(lines), title)
        else:
            sheet.write_string(FIRST_ROW, COL_STAGE, _("No opportunity."))
        texts = {
            COL_STAGE: [line["stage"].display_name for line in lines] + [_("Total")],
            COL_REVENUE: [
                self._money_text(page["currency"], line["revenue"]) for line in lines
            ],
        }
        self._finish_table(sheet, headers, len(lines), texts, frozen_cols=1)

    def _write_stage_row(self, sheet, formats, row, line, is_last):
        self._write_text(
            sheet, row, COL_STAGE, line["stage"].display_name, formats["text"]
        )
        sheet.write_number(row, COL_COUNT, line["count"], formats["integer"])
        sheet.write_number(row, COL_REVENUE, line["revenue"], formats["money"])
        sheet.write_number(row, COL_WON, line["won"], formats["integer"])
        count = xl_rowcol_to_cell(row, COL_COUNT)
        if not is_last:
            # the next line is the next stage of the funnel
            next_count = xl_rowcol_to_cell(row + 1, COL_COUNT)
            sheet.write_formula(
                row,
                COL_NEXT,
                self._ratio_formula(next_count, count),
                formats["percent"],
            )
        else:
            sheet.write_blank(row, COL_NEXT, None, formats["percent"])
        won = xl_rowcol_to_cell(row, COL_WON)
        sheet.write_formula(
            row,
            COL_TO_WON,
            self._ratio_formula(won, count),
            formats["percent"],
            line["won"] / line["count"] if line["count"] else "",
        )
        sheet.write_number(row, COL_DAYS, line["days"], formats["decimal"])

    def _write_totals(self, sheet, formats, lines):
        """The whole funnel: the opportunities that entered it and the won ones."""
        row = FIRST_ROW + len(lines)
        for col in range(COL_DAYS + 1):
            sheet.write_blank(row, col, None, formats["total"])
        sheet.write_string(row, COL_STAGE, _("Total"), formats["total"])
        first_count = xl_rowcol_to_cell(FIRST_ROW, COL_COUNT)
        first_revenue = xl_rowcol_to_cell(FIRST_ROW, COL_REVENUE)
        last_won = xl_rowcol_to_cell(row - 1, COL_WON)
        # every opportunity went through the first stage; the won ones through
        # the last (won) stage
        sheet.write_formula(
            row,
            COL_COUNT,
            f"={first_count}",
            formats["total_integer"],
            lines[0]["count"],
        )
        sheet.write_formula(
            row,
            COL_REVENUE,
            f"={first_revenue}",
            formats["total_money"],
            lines[0]["revenue"],
        )
        sheet.write_formula(
            row,
            COL_WON,
            f"=MAX({xl_rowcol_to_cell(FIRST_ROW, COL_WON)}:{last_won})",
            formats["total_integer"],
        )
        sheet.write_formula(
            row,
            COL_TO_WON,
            self._ratio_formula(
                xl_rowcol_to_cell(row, COL_WON), xl_rowcol_to_cell(row, COL_COUNT)
            ),
            formats["total_percent"],
        )

    def _add_funnel_chart(self, workbook, sheet, formats, count, title):
        """Opportunities per stage as horizontal bars, first stage on top."""
        last_row = FIRST_ROW + count - 1
        chart = workbook.add_chart({"type": "bar"})
        chart.add_series(
            {
                "name": _("Opportunities"),
                "categories": [sheet.name, FIRST_ROW, COL_STAGE, last_row, COL_STAGE],
                "values": [sheet.name, FIRST_ROW, COL_COUNT, last_row, COL_COUNT],
                "data_labels": {"value": True},
                "gap": 30,
            }
        )
        chart.set_title({"name": title})
        chart.set_legend({"none": True})
        chart.set_y_axis({"reverse": True})  # the category axis of a bar chart
        sheet.insert_chart(HEADER_ROW, COL_DAYS + 2, chart)
