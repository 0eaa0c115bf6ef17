# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from xlsxwriter.utility import xl_range_abs, xl_rowcol_to_cell

from odoo import _, models

from .sales_management_xlsx import FIRST_ROW

# "Daily Reviews" sheet: one row per salesperson and day
(
    COL_DATE,
    COL_USER,
    COL_TEAM,
    COL_PLANNED,
    COL_DONE,
    COL_EFFECTIVE,
    COL_TARGET,
    COL_GAP,
    COL_ATTAINMENT,
    COL_VISITS,
    COL_LEADS,
    COL_QUOTATIONS,
    COL_ORDERS,
    COL_COLLECTED,
    COL_STATE,
    COL_SCORE,
    COL_COMMENT,
) = range(17)
# "By Salesperson" sheet
(
    SUM_USER,
    SUM_DAYS,
    SUM_EFFECTIVE,
    SUM_TARGET,
    SUM_ATTAINMENT,
    SUM_VISITS,
    SUM_ORDERS,
    SUM_COLLECTED,
    SUM_SCORE,
) = range(9)

READ_FIELDS = [
    "date",
    "user_id",
    "team_id",
    "planned_count",
    "done_count",
    "effective_call_count",
    "call_target",
    "visit_count",
    "new_lead_count",
    "quotation_count",
    "order_count",
    "collected_amount",
    "state",
    "score",
    "manager_comment",
]


class SalesDailyReviewXlsx(models.AbstractModel):
    """The inspector's table over a period: each salesperson's days.

    Numbers against the daily call target, in red where behind, the team
    leader's score and comment; a second sheet sums each salesperson's period
    with formulas over the first.
    """

    _name = "report.sales_model_crm_reports.daily_review_xlsx"
    _inherit = "report.sales_model_crm_reports.management_xlsx"
    _description = "Daily Review Workbook"

    _report_xmlid = "sales_model_crm_reports.action_report_sales_daily_review_xlsx"
    _rows_model = "sales.daily.review"

    def _get_report_title(self):
        return _("Daily Reviews")

    def _get_headers(self):
        return [
            _("Date"),
            _("Salesperson"),
            _("Sales Team"),
            _("Planned"),
            _("Done"),
            _("Effective Calls"),
            _("Call Target"),
            _("Calls Missing"),
            _("Attainment"),
            _("Visits"),
            _("New Prospects"),
            _("Quotations Sent"),
            _("Orders Confirmed"),
            _("Collected"),
            _("Status"),
            _("Score"),
            _("Manager's Comment"),
        ]

    def generate_xlsx_report(self, workbook, data, rows):
        page = self._get_page(rows, data)
        formats = self._get_formats(workbook, page["currency"])
        sheet = self._add_sheet(workbook, _("Daily Reviews"))
        summary = self._add_sheet(workbook, _("By Salesperson"))
        # one query for all the rows, names included
        records = rows.search_read(
            [("id", "in", rows.ids)], READ_FIELDS, order="date, user_id, id"
        )
        self._write_days_sheet(sheet, formats, page, records)
        self._write_summary_sheet(summary, formats, page, records, sheet.name)

    # --- "Daily Reviews" sheet

    def _write_days_sheet(self, sheet, formats, page, records):
        headers = self._get_headers()
        self._write_title(sheet, formats, page, _("Daily Reviews"))
        number_columns = set(range(COL_PLANNED, COL_COLLECTED + 1)) | {COL_SCORE}
        self._write_header_row(sheet, formats, headers, number_columns)
        states = dict(
            self.env["sales.daily.review"]
            ._fields["state"]
            ._description_selection(self.env)
        )
        for row, record in enumerate(records, start=FIRST_ROW):
            self._write_day_row(sheet, formats, row, record, states)
        last_row = FIRST_ROW + len(records) - 1
        if records:
            self._write_day_totals(sheet, formats, last_row + 1)
            self._highlight_behind(sheet, formats, last_row)
        else:
            sheet.write_string(FIRST_ROW, COL_USER, _("No daily review."))
        texts = {
            COL_DATE: ["2030-12-31"],
            COL_USER: [rec["user_id"] and rec["user_id"][1] for rec in records],
            COL_TEAM: [rec["team_id"] and rec["team_id"][1] for rec in records],
            COL_COLLECTED: [
                self._money_text(
                    page["currency"], sum(rec["collected_amount"] for rec in records)
                )
            ],
            COL_STATE: list(states.values()),
            COL_COMMENT: [(rec["manager_comment"] or "")[:48] for rec in records],
        }
        self._finish_table(
            sheet, headers, len(records), texts, frozen_cols=COL_USER + 1
        )

    def _write_day_row(self, sheet, formats, row, record, states):
        sheet.write_datetime(row, COL_DATE, record["date"], formats["date"])
        for col, key in ((COL_USER, "user_id"), (COL_TEAM, "team_id")):
            text = record[key] and record[key][1]
            self._write_text(sheet, row, col, text, formats["text"])
        for col, key in (
            (COL_PLANNED, "planned_count"),
            (COL_DONE, "done_count"),
            (COL_EFFECTIVE, "effective_call_count"),
            (COL_TARGET, "call_target"),
            (COL_VISITS, "visit_count"),
            (COL_LEADS, "new_lead_count"),
            (COL_QUOTATIONS, "quotation_count"),
            (COL_ORDERS, "order_count"),
        ):
            sheet.write_number(row, col, record[key], formats["integer"])
        sheet.write_number(
            row, COL_COLLECTED, record["collected_amount"], formats["money"]
        )
        effective = xl_rowcol_to_cell(row, COL_EFFECTIVE)
        target = xl_rowcol_to_cell(row, COL_TARGET)
        gap = max(record["call_target"] - record["effective_call_count"], 0)
        sheet.write_formula(
            row, COL_GAP, f"=MAX({target}-{effective},0)", formats["integer"], gap
        )
        sheet.write_formula(
            row,
            COL_ATTAINMENT,
            self._ratio_formula(effective, target),
            formats["percent"],
            (
                record["effective_call_count"] / record["call_target"]
                if record["call_target"]
                else ""
            ),
        )
        self._write_text(
            sheet, row, COL_STATE, states.get(record["state"]), formats["text"]
        )
        if record["score"]:
            sheet.write_number(row, COL_SCORE, int(record["score"]), formats["integer"])
        else:
            sheet.write_blank(row, COL_SCORE, None, formats["integer"])
        self._write_text(
            sheet, row, COL_COMMENT, record["manager_comment"], formats["wrap"]
        )

    def _write_day_totals(self, sheet, formats, total_row):
        for col in range(COL_COMMENT + 1):
            sheet.write_blank(total_row, col, None, formats["total"])
        sheet.write_string(total_row, COL_USER, _("Total"), formats["total"])
        for col in (
            COL_PLANNED,
            COL_DONE,
            COL_EFFECTIVE,
            COL_TARGET,
            COL_GAP,
            COL_VISITS,
            COL_LEADS,
            COL_QUOTATIONS,
            COL_ORDERS,
        ):
            formula = self._sum_formula(col, FIRST_ROW, total_row - 1)
            sheet.write_formula(total_row, col, formula, formats["total_integer"])
        sheet.write_formula(
            total_row,
            COL_COLLECTED,
            self._sum_formula(COL_COLLECTED, FIRST_ROW, total_row - 1),
            formats["total_money"],
        )
        sheet.write_formula(
            total_row,
            COL_ATTAINMENT,
            self._ratio_formula(
                xl_rowcol_to_cell(total_row, COL_EFFECTIVE),
                xl_rowcol_to_cell(total_row, COL_TARGET),
            ),
            formats["total_percent"],
        )
        scores = (
            f"{xl_rowcol_to_cell(FIRST_ROW, COL_SCORE)}:"
            f"{xl_rowcol_to_cell(total_row - 1, COL_SCORE)}"
        )
        sheet.write_formula(
            total_row,
            COL_SCORE,
            f'=IF(COUNT({scores})=0,"",AVERAGE({scores}))',
            formats["total_decimal"],
        )

    def _highlight_behind(self, sheet, formats, last_row):
        """Red where the day's effective calls are below its target.

        A formula rule, so that it follows when a manager edits the numbers.
        """
        effective = xl_rowcol_to_cell(FIRST_ROW, COL_EFFECTIVE, col_abs=True)
        target = xl_rowcol_to_cell(FIRST_ROW, COL_TARGET, col_abs=True)
        sheet.conditional_format(
            FIRST_ROW,
            COL_EFFECTIVE,
            last_row,
            COL_ATTAINMENT,
            {
                "type": "formula",
                "criteria": f"=AND({target}>0,{effective}<{target})",
                "format": formats["bad"],
            },
        )

    # --- "By Salesperson" sheet

    def _write_summary_sheet(self, sheet, formats, page, records, days_sheet):
        headers = [
            _("Salesperson"),
            _("Days"),
            _("Effective Calls"),
            _("Call Target"),
            _("Attainment"),
            _("Visits"),
            _("Orders Confirmed"),
            _("Collected"),
            _("Average Score"),
        ]
        self._write_title(sheet, formats, page, _("Daily Reviews by Salesperson"))
        self._write_header_row(
            sheet, formats, headers, set(range(SUM_DAYS, SUM_SCORE + 1))
        )
        users = list(
            dict.fromkeys(rec["user_id"][1] for rec in records if rec["user_id"])
        )
        ref = "'{}'!".format(days_sheet.replace("'", "''"))
        last_day = FIRST_ROW + max(len(records), 1) - 1

        def days_range(col):
            return ref + xl_range_abs(FIRST_ROW, col, last_day, col)

        for row, user in enumerate(users, start=FIRST_ROW):
            sheet.write_string(row, SUM_USER, user, formats["text"])
            user_cell = xl_rowcol_to_cell(row, SUM_USER, col_abs=True)
            criterion = f'"="&{user_cell}'
            sheet.write_formula(
                row,
                SUM_DAYS,
                f"=COUNTIF({days_range(COL_USER)},{criterion})",
                formats["integer"],
            )
            for col, days_col, cell_format in (
                (SUM_EFFECTIVE, COL_EFFECTIVE, "integer"),
                (SUM_TARGET, COL_TARGET, "integer"),
                (SUM_VISITS, COL_VISITS, "integer"),
                (SUM_ORDERS, COL_ORDERS, "integer"),
                (SUM_COLLECTED, COL_COLLECTED, "money"),
            ):
                sheet.write_formula(
                    row,
                    col,
                    f"=SUMIF({days_range(COL_USER)},{criterion},{days_range(days_col)})",
                    formats[cell_format],
                )
            sheet.write_formula(
                row,
                SUM_ATTAINMENT,
                self._ratio_formula(
                    xl_rowcol_to_cell(row, SUM_EFFECTIVE),
                    xl_rowcol_to_cell(row, SUM_TARGET),
                ),
                formats["percent"],
            )
            scores = days_range(COL_SCORE)
            users_range = days_range(COL_USER)
            sheet.write_formula(
                row,
                SUM_SCORE,
                f'=IFERROR(AVERAGEIF({users_range},{criterion},{scores}),"")',
                formats["decimal"],
            )
        if users:
            last_row = FIRST_ROW + len(users) - 1
            sheet.conditional_format(
                FIRST_ROW,
                SUM_ATTAINMENT,
                last_row,
                SUM_ATTAINMENT,
                {
                    "type": "cell",
                    "criteria": "<",
                    "value": 1,
                    "format": formats["bad"],
                },
            )
        else:
            sheet.write_string(FIRST_ROW, SUM_USER, _("No daily review."))
        self._finish_table(sheet, headers, len(users), {SUM_USER: users}, frozen_cols=1)
